package io.asmnet.processor.infer;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.nio.ByteBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A reusable model input: one direct buffer of {@code capacity x 224 x 224 x 3} uint8, cut into
 * {@link CropSlot}s. Allocated once per batcher, so the hot path allocates no pixel memory.
 */
final class BatchBuffer implements AutoCloseable {
  private final ByteBuffer data;
  // Kept referenced so the memory under the slot Mats lives as long as they do.
  private final BytePointer pointer;
  private final CropSlot[] slots;

  BatchBuffer(int capacity) {
    data = ByteBuffer.allocateDirect(capacity * LandmarkModel.CROP_BYTES);
    pointer = new BytePointer(data);
    slots = new CropSlot[capacity];
    for (int i = 0; i < capacity; i++) {
      BytePointer at = new BytePointer(pointer).position((long) i * LandmarkModel.CROP_BYTES);
      Mat pixels = new Mat(LandmarkModel.SIZE, LandmarkModel.SIZE, CV_8UC3, at);
      slots[i] = new CropSlot(pixels, new Mat(2, 3, CV_64F));
    }
  }

  ByteBuffer data() {
    return data;
  }

  CropSlot slot(int index) {
    return slots[index];
  }

  @Override
  public void close() {
    for (CropSlot s : slots) {
      s.close();
    }
    pointer.close();
  }
}
