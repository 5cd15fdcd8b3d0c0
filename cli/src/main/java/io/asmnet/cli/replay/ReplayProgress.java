package io.asmnet.cli.replay;

import io.asmnet.schemas.avro.PoseEvent;
import me.tongfei.progressbar.ProgressBar;

/**
 * A progress bar over a replay's results: one step per pose event of the clip, up to its frame
 * count, with the rate; closed (drawn complete where it got) before the report is printed. Wraps
 * another listener, which still hears every event. Used on the replaying thread only.
 */
final class ReplayProgress implements ReplayListener, AutoCloseable {
  private final ProgressBar bar;
  private final ReplayListener next;

  ReplayProgress(ProgressBar bar, ReplayListener next) {
    this.bar = bar;
    this.next = next;
  }

  @Override
  public void onEvent(PoseEvent event, Long publishedMs) {
    bar.step();
    next.onEvent(event, publishedMs);
  }

  long current() {
    return bar.getCurrent();
  }

  @Override
  public void close() {
    bar.close();
  }
}
