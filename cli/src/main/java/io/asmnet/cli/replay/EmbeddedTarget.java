package io.asmnet.cli.replay;

import io.asmnet.cli.BrokerCheck;
import io.asmnet.cli.KafkaOptions;
import io.asmnet.cli.Locations;
import io.asmnet.cli.demo.LocalStack;
import io.asmnet.cli.demo.StackSettings;
import io.asmnet.cli.demo.TempFolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The replay's target: the broker of the command's options (its topics checked first), or with
 * {@code --embedded} a {@link LocalStack} of its own, stopped again by {@link #close()}.
 */
final class EmbeddedTarget implements AutoCloseable {
  private final ReplayTarget target;
  private final LocalStack stack;
  private final TempFolder temp;

  private EmbeddedTarget(ReplayTarget target, LocalStack stack, TempFolder temp) {
    this.target = target;
    this.stack = stack;
    this.temp = temp;
  }

  static EmbeddedTarget open(boolean embedded, KafkaOptions kafka, Path model, PrintWriter err, String frames,
      String events, String deadLetters) throws InterruptedException {
    if (!embedded) {
      BrokerCheck.requireTopics(kafka, List.of(frames, events, deadLetters));
      return new EmbeddedTarget(new ReplayTarget(kafka, kafka.bootstrapServers(), frames, events, deadLetters), null, null);
    }
    Path modelFile = model != null ? model : Locations.starterModel();
    TempFolder temp = new TempFolder("asmnet-replay-");
    try {
      err.println("starting a Kafka broker and the processor...");
      err.flush();
      LocalStack stack = LocalStack.start(new StackSettings(null, 2, modelFile, "auto", StackSettings.defaultMetricsPort(),
          temp.path().resolve("streams-state"), Duration.ofSeconds(90)), kafka);
      return new EmbeddedTarget(stack.replayTarget(kafka), stack, temp);
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
    }
  }
}
