package io.asmnet.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress bars on standard error for long commands; a silent one when not wanted. */
public final class Progress {
  private Progress() {}

  /**
   * A bar named {@code task} up to {@code total} steps (-1: unknown, shows a count). When {@code
   * visible} is false it renders nowhere, so callers step it unconditionally.
   */
  public static ProgressBar bar(String task, long total, boolean visible) {
    return bar(
        task, total, visible ? System.err : new PrintStream(OutputStream.nullOutputStream()));
  }

  /** A bar named {@code task} up to {@code total} steps (-1: unknown), drawn on {@code target}. */
  public static ProgressBar bar(String task, long total, PrintStream target) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .showSpeed()
        .setConsumer(new ConsoleProgressBarConsumer(target))
        .build();
  }
}
