package io.asmnet.processor.ort;

/** An ONNX network cannot be used: missing or bad file, wrong interface, or device unavailable. */
public class OrtLoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OrtLoadException(String message) {
    super(message);
  }

  public OrtLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
