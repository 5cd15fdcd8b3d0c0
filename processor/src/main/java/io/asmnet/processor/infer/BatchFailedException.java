package io.asmnet.processor.infer;

/** The model run of a batch failed; every caller in that batch gets this. */
public final class BatchFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BatchFailedException(int faces, Throwable cause) {
    super("landmark model failed on a batch of " + faces + " faces: " + cause.getMessage(), cause);
  }
}
