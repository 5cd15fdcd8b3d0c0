package io.asmnet.processor.infer;

/** The batcher was shut down (or its worker died) before or while the caller's faces were run. */
public final class BatcherClosedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public BatcherClosedException() {
    super("the landmark batcher is shut down");
  }

  /** The batcher's worker thread died of {@code cause}. */
  public BatcherClosedException(Throwable cause) {
    super("the landmark batcher's worker thread died: " + cause, cause);
  }
}
