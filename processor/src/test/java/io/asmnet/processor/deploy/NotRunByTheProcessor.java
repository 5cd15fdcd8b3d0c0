package io.asmnet.processor.deploy;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Jars the processor does not run and so must not carry: the Kafka broker (Scala included), which
 * lives in the local-kafka module for the cli and the tests, log4j (the broker's logging), the
 * cli's progress bars and the test kit. (Jackson stays: Avro parses its schemas with it.)
 */
final class NotRunByTheProcessor {
  private static final List<Pattern> JARS =
      List.of(
          Pattern.compile("kafka_2\\.13-.*\\.jar"),
          Pattern.compile(
              "kafka-(server|server-common|metadata|raft|storage|storage-api|group-coordinator|coordinator-common|transaction-coordinator|share-coordinator|tools)-\\d.*\\.jar"),
          Pattern.compile("scala-.*\\.jar"),
          Pattern.compile("log4j-.*\\.jar"),
          Pattern.compile("progressbar-.*\\.jar"),
          Pattern.compile("asmnet-local-kafka-.*\\.jar"),
          Pattern.compile("asmnet-testkit-.*\\.jar"));

  private NotRunByTheProcessor() {}

  /** The names among {@code jarNames} (file names, no folders) that are on the list above. */
  static List<String> among(Collection<String> jarNames) {
    return jarNames.stream()
        .filter(n -> JARS.stream().anyMatch(p -> p.matcher(n).matches()))
        .sorted()
        .toList();
  }
}
