package io.asmnet.processor.infer;

/**
 * The model run of a batch failed, or did not finish in time; every caller in that batch gets this.
 * A fault of the inference service, not of the frames in the batch.
 */
public final class BatchFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BatchFailedException(int faces, Throwable cause) {
    super("landmark model failed on a batch of " + faces + " faces: " + cause, cause);
  }

  public BatchFailedException(String message) {
    super(message);
  }
}
