package io.asmnet.processor.topology;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.Frame;
import java.nio.ByteBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Synthetic frames for tests: real JPEG bytes made with OpenCV, no photos. */
public final class TestFrames {
  private TestFrames() {}

  /** A 320x240 JPEG: background of the given grey, a lighter 100x120 square at (100, 60). */
  public static byte[] jpeg(int shade) {
    try (Mat img = new Mat(240, 320, CV_8UC3, new Scalar(shade, shade, shade, 0));
        Mat face = img.apply(new Rect(100, 60, 100, 120));
        BytePointer out = new BytePointer()) {
      face.put(new Scalar(200, 180, 160, 0));
      imencode(".jpg", img, out);
      byte[] bytes = new byte[(int) out.limit()];
      out.get(bytes);
      return bytes;
    }
  }

  public static Frame frame(String camera, long sequence, Codec codec, byte[] payload) {
    return Frame.newBuilder()
        .setCameraId(camera)
        .setSequence(sequence)
        .setCaptureTimeMs(1_000 + sequence)
        .setCodec(codec)
        .setPayload(ByteBuffer.wrap(payload))
        .build();
  }
}
