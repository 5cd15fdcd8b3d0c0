package io.asmnet.processor.infer;

/** The batcher was shut down before (or while) the caller's faces were run. */
public final class BatcherClosedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public BatcherClosedException() {
    super("the landmark batcher is shut down");
  }
}
