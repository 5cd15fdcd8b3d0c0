package io.asmnet.processor.infer;

import io.asmnet.processor.config.InferenceDevice;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Prints the model's run time per batch size, for the docs (not a test: timings are not asserted).
 * {@code java ... ModelTiming MODEL [cpu|cuda|auto] [runs]}.
 */
public final class ModelTiming {
  private ModelTiming() {}

  public static void main(String[] args) throws Exception {
    InferenceDevice device = args.length > 1 ? InferenceDevice.parse(args[1]) : InferenceDevice.CPU;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    try (LandmarkModel model = LandmarkModel.open(Path.of(args[0]), device)) {
      for (int n : new int[] {1, 8, 16}) {
        byte[] bytes = new byte[n * LandmarkModel.CROP_BYTES];
        new Random(n).nextBytes(bytes);
        ByteBuffer batch = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        for (int i = 0; i < 3; i++) {
          model.run(batch, n); // warm-up
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
          long t = System.nanoTime();
          model.run(batch, n);
          ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(
            "%s batch %2d: median %.1f ms (%.2f ms/face), min %.1f, max %.1f%n",
            model.device(), n, ms[runs / 2], ms[runs / 2] / n, ms[0], ms[runs - 1]);
      }
    }
  }
}
