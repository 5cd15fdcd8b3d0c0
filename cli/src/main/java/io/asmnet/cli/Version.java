package io.asmnet.cli;

import org.apache.kafka.common.utils.AppInfoParser;
import picocli.CommandLine.IVersionProvider;

/** {@code --version} of every asmnet command: its own version and the Kafka client's. */
public final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String own = AsmnetCommand.class.getPackage().getImplementationVersion();
    return new String[] {
      "asmnet " + (own == null ? "0.1.0-SNAPSHOT" : own),
      "Kafka clients " + AppInfoParser.getVersion() + ", Java " + Runtime.version()
    };
  }
}
