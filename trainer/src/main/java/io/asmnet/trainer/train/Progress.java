package io.asmnet.trainer.train;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** A per-epoch progress bar on stderr (stdout is for command output), or nothing. */
interface Progress extends AutoCloseable {
  void step(String message);

  @Override
  void close();

  static Progress of(boolean show, String task, long steps) {
    if (!show) {
      return new Progress() {
        @Override
        public void step(String message) {}

        @Override
        public void close() {}
      };
    }
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(steps)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .build();
    return new Progress() {
      @Override
      public void step(String message) {
        bar.step();
        bar.setExtraMessage(" " + message);
      }

      @Override
      public void close() {
        bar.close();
      }
    };
  }
}
