package io.asmnet.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.asmnet.trainer.data.Sample;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Turns BGR crops into the network's input, with the same operations (and order) as the ONNX
 * graph's preprocessing: uint8 [N, 224, 224, 3] BGR, cast, channel flip to RGB, / 255, transpose to
 * [N, 3, 224, 224].
 */
public final class InputCodec {
  private InputCodec() {}

  /** The input batch for {@code crops}, each 224 x 224 x 3 BGR bytes, on {@code manager}. */
  public static NDArray toInput(NDManager manager, List<byte[]> crops) {
    int size = Sample.SIZE * Sample.SIZE * 3;
    ByteBuffer buffer = ByteBuffer.allocateDirect(size * crops.size());
    for (byte[] crop : crops) {
      if (crop.length != size) {
        throw new IllegalArgumentException("crop must be 224x224x3 bytes, got " + crop.length);
      }
      buffer.put(crop);
    }
    buffer.flip();
    NDArray bgr =
        manager.create(
            buffer, new Shape(crops.size(), Sample.SIZE, Sample.SIZE, 3), DataType.UINT8);
    return bgr.toType(DataType.FLOAT32, false).flip(3).div(255f).transpose(0, 3, 1, 2);
  }
}
