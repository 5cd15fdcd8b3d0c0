package io.asmnet.processor.infer;

import io.asmnet.processor.ort.OrtLoadException;

/**
 * The landmark model cannot be used: missing file, wrong interface, or the device is unavailable.
 */
public final class ModelLoadException extends OrtLoadException {
  private static final long serialVersionUID = 1L;

  public ModelLoadException(String message) {
    super(message);
  }

  public ModelLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
