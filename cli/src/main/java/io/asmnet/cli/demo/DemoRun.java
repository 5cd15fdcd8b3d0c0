package io.asmnet.cli.demo;

import io.asmnet.cli.CommandFailure;
import io.asmnet.cli.KafkaOptions;
import io.asmnet.cli.Progress;
import io.asmnet.cli.clip.BuiltClip;
import io.asmnet.cli.clip.ClipBuilder;
import io.asmnet.cli.clip.ClipSpec;
import io.asmnet.trainer.data.LabelledFace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;

/**
 * The parts one demo run starts, each stopped by {@link #close()} in reverse order: a temporary
 * folder (Kafka Streams state and the test clip), then the {@link LocalStack} (processor and
 * embedded broker). Closing is idempotent, so a Ctrl-C and the normal end can both call it.
 */
final class DemoRun implements AutoCloseable {
  private final TempFolder temp = new TempFolder("asmnet-demo-");
  private LocalStack stack;
  private boolean closed;

  /** Kafka Streams' state folder for this run. */
  Path stateDir() {
    return temp.path().resolve("streams-state");
  }

  /** Starts broker (unless the settings name one), topics and processor. */
  LocalStack startStack(StackSettings settings, KafkaOptions kafka) throws InterruptedException {
    stack = LocalStack.start(settings, kafka);
    return stack;
  }

  /** Builds the test clip into the temporary folder, with a progress bar when asked. */
  BuiltClip buildClip(ClipSpec spec, List<LabelledFace> faces, boolean progress) {
    long photos = faces.stream().map(LabelledFace::image).distinct().count();
    try (ProgressBar bar = Progress.bar("clip", photos * spec.frames(), progress)) {
      return new ClipBuilder().build(spec, faces, temp.path().resolve("clip"), bar::stepTo);
    } catch (IOException e) {
      throw CommandFailure.error("cannot build the test clip: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (stack != null) {
        stack.close();
      }
    } finally {
      temp.close();
    }
  }
}
