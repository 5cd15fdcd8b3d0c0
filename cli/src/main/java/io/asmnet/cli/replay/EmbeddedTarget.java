package io.asmnet.cli.replay;

import io.asmnet.cli.BrokerCheck;
import io.asmnet.cli.KafkaOptions;
import io.asmnet.cli.Locations;
import io.asmnet.cli.WireOptions;
import io.asmnet.cli.demo.LocalStack;
import io.asmnet.cli.demo.StackSettings;
import io.asmnet.cli.demo.TempFolder;
import io.asmnet.schemas.serde.WireFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The replay's target: the broker of the command's options (its topics checked first), or with
 * {@code --embedded} a {@link LocalStack} of its own, stopped again by {@link #close()}.
 */
final class EmbeddedTarget implements AutoCloseable {
  private final ReplayTarget target;
  private final LocalStack stack;
  private final TempFolder temp;
  private final WireFormat wire;

  private EmbeddedTarget(ReplayTarget target, LocalStack stack, TempFolder temp, WireFormat wire) {
    this.wire = wire;
    this.target = target;
    this.stack = stack;
    this.temp = temp;
  }

  static EmbeddedTarget open(
      boolean embedded,
      KafkaOptions kafka,
      WireOptions wireOptions,
      Path model,
      PrintWriter err,
      String frames,
      String events,
      String deadLetters)
      throws InterruptedException {
    if (!embedded) {
      BrokerCheck.requireTopics(kafka, List.of(frames, events, deadLetters));
      WireFormat wire = wireOptions.open();
      return new EmbeddedTarget(
          new ReplayTarget(kafka, kafka.bootstrapServers(), frames, events, deadLetters, wire),
          null,
          null,
          wire);
    }
    Map<String, String> processorWire = wireOptions.processorSettings();
    Path modelFile = model != null ? model : Locations.starterModel();
    TempFolder temp = new TempFolder("asmnet-replay-");
    try {
      err.println("starting a Kafka broker and the processor...");
      err.flush();
      LocalStack stack =
          LocalStack.start(
              new StackSettings(
                  null,
                  2,
                  modelFile,
                  "auto",
                  StackSettings.defaultMetricsPort(),
                  temp.path().resolve("streams-state"),
                  Duration.ofSeconds(90),
                  processorWire),
              kafka);
      WireFormat wire = wireOptions.open();
      return new EmbeddedTarget(stack.replayTarget(kafka, wire), stack, temp, wire);
    } catch (RuntimeException | InterruptedException e) {
      temp.close();
      throw e;
    }
  }

  ReplayTarget target() {
    return target;
  }

  @Override
  public void close() {
    try {
      if (stack != null) {
        stack.close();
      }
    } finally {
      if (temp != null) {
        temp.close();
      }
      wire.close();
    }
  }
}
