package io.asmnet.trainer.tfjs;

/**
 * TF kernel layouts to the OIHW layout of ONNX and PyTorch (DJL): a full conv kernel HWIO [H, W, I,
 * O] -> [O, I, H, W]; a depthwise kernel [H, W, C, M] -> [C * M, 1, H, W], output channel c * M + m
 * (TF's depthwise channel order, which grouped convs with C groups share).
 */
public final class TfKernels {
  private TfKernels() {}

  public static float[] toOihw(TfjsTensor kernel, boolean depthwise) {
    long[] s = kernel.shape();
    if (s.length != 4) {
      throw new IllegalArgumentException(
          kernel.name() + ": a conv kernel has rank 4, not " + s.length);
    }
    int kh = (int) s[0];
    int kw = (int) s[1];
    int a = (int) s[2];
    int b = (int) s[3];
    float[] src = kernel.requireFloats();
    float[] dst = new float[src.length];
    for (int y = 0; y < kh; y++) {
      for (int x = 0; x < kw; x++) {
        for (int i = 0; i < a; i++) {
          for (int o = 0; o < b; o++) {
            int out = depthwise ? i * b + o : o * a + i;
            dst[(out * kh + y) * kw + x] = src[((y * kw + x) * a + i) * b + o];
          }
        }
      }
    }
    return dst;
  }

  /** The OIHW dims of {@link #toOihw}'s result. */
  public static long[] oihwShape(TfjsTensor kernel, boolean depthwise) {
    long[] s = kernel.shape();
    return depthwise
        ? new long[] {s[2] * s[3], 1, s[0], s[1]}
        : new long[] {s[3], s[2], s[0], s[1]};
  }
}
