package io.asmnet.localkafka;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of the subcommands that start a broker ({@code start}, {@code run}). */
final class StartOptions {

  @Mixin BrokerLocation location;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Empty or new directory for the broker's config, log and data; deleted when"
              + " it stops. Default: a new temporary directory.")
  Path dataDir;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "How long to wait for the broker to start. Default: ${DEFAULT-VALUE}.")
  int timeoutSeconds;

  BrokerOptions toOptions(boolean detached) {
    return BrokerOptions.defaults()
        .withPort(location.port)
        .withDataDir(dataDir)
        .withStartupTimeout(Duration.ofSeconds(timeoutSeconds))
        .withDetached(detached);
  }
}
