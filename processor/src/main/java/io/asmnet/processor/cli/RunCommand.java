package io.asmnet.processor.cli;

import io.asmnet.processor.config.ConfigException;
import io.asmnet.processor.config.ConfigLoader;
import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.ort.OrtLoadException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code processor run}: loads and checks the configuration, then runs the Kafka Streams app. */
@Command(
    name = "run",
    description = {
      "Consumes frames, writes one pose event (or one dead letter) per frame.",
      "Settings, later wins: defaults < --config file < ASMNET_* environment (ASMNET_MAX_BATCH_SIZE"
          + " sets max.batch.size; variables that name no setting are ignored) < --set and the options below.",
      "Kafka client settings (security.protocol, sasl.*, ssl.*, or any key prefixed kafka.) pass"
          + " through to Kafka unchanged."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped cleanly (SIGTERM/SIGINT)",
      "1:runtime failure (Kafka unreachable within --kafka-timeout, stream thread died)",
      "2:bad configuration, one line per problem naming the setting (also Kafka's own settings, the"
          + " metrics address and port, a broker host that does not resolve, missing topics)"
    },
    footerHeading = "%nSettings (key = default):%n")
public final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
  static final int OK = 0;
  static final int FAILED = 1;
  static final int BAD_CONFIG = 2;

  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Mixin SettingsOptions settings = new SettingsOptions();

  private final Map<String, String> env;
  private final Launcher launcher;
  private final StageFactory stages;

  public RunCommand() {
    this(
        System.getenv(),
        new ProductionStages(),
        (config, stages) -> new ProcessorApp(config, stages).run());
  }

  RunCommand(Map<String, String> env, StageFactory stages, Launcher launcher) {
    this.env = env;
    this.stages = stages;
    this.launcher = launcher;
  }

  /** Runs the app until it stops; returns the exit code. */
  @FunctionalInterface
  interface Launcher {
    int launch(ProcessorConfig config, StageFactory stages) throws InterruptedException;
  }

  @Override
  public Integer call() {
    ProcessorConfig config;
    try {
      config = settings.load(env);
    } catch (ConfigException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return BAD_CONFIG;
    }
    try {
      return launcher.launch(config, stages);
    } catch (ConfigException | OrtLoadException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return BAD_CONFIG;
    } catch (KafkaUnavailableException e) {
      // Expected and explained by the message: the cause's trace only at debug level.
      LOG.debug("Kafka unavailable", e);
      spec.commandLine().getErr().println(e.getMessage());
      return FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FAILED;
    } catch (RuntimeException e) {
      LOG.error("processor failed", e);
      spec.commandLine().getErr().println("processor failed: " + e.getMessage());
      return FAILED;
    }
  }

  /** The settings table for the help footer. */
  static String[] settingsFooter() {
    return ConfigLoader.knownKeys().entrySet().stream()
        .map(e -> "  " + e.getKey() + " = " + e.getValue())
        .toArray(String[]::new);
  }
}
