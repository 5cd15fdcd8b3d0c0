package io.asmnet.trainer.tfjs;

import java.util.Arrays;

/**
 * One named weight of a TensorFlow.js model, dequantised: float values in {@code floats} (for
 * float32 weights, whether stored as float32, float16, uint16 or uint8) or int values in {@code
 * ints} (int32 weights: shapes, paddings, axes). Row-major in TF's own layout (HWIO kernels, [H, W,
 * C, multiplier] depthwise kernels).
 */
public record TfjsTensor(String name, long[] shape, float[] floats, int[] ints) {
  public TfjsTensor {
    shape = shape.clone();
    if ((floats == null) == (ints == null)) {
      throw new IllegalArgumentException(name + ": exactly one of floats and ints must be set");
    }
    long size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    int length = floats != null ? floats.length : ints.length;
    if (size != length) {
      throw new IllegalArgumentException(
          name + ": " + length + " values do not fit shape " + Arrays.toString(shape));
    }
  }

  public boolean isFloat() {
    return floats != null;
  }

  public int size() {
    return floats != null ? floats.length : ints.length;
  }

  /** The float values; fails for an int32 weight. */
  public float[] requireFloats() {
    if (floats == null) {
      throw new IllegalArgumentException(name + " is int32, a float tensor was expected");
    }
    return floats;
  }

  /** The int values; fails for a float weight. */
  public int[] requireInts() {
    if (ints == null) {
      throw new IllegalArgumentException(name + " is float, an int32 tensor was expected");
    }
    return ints;
  }
}
