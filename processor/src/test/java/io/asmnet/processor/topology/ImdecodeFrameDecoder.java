package io.asmnet.processor.topology;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import io.asmnet.processor.decode.DecodeException;
import io.asmnet.processor.decode.DecodedFrame;
import io.asmnet.processor.decode.FrameDecoder;
import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.Frame;
import java.nio.ByteBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Test stand-in for the production decoder (built on another branch): real OpenCV {@code
 * imdecode} for JPEG/PNG stills, UNSUPPORTED_CODEC for H.264, CORRUPT_PAYLOAD for bytes OpenCV
 * cannot read. Records whether it was closed and how often it was asked to free idle cameras.
 */
public final class ImdecodeFrameDecoder implements FrameDecoder {
  volatile boolean closed;
  volatile int idleChecks;

  @Override
  public DecodedFrame decode(Frame frame) throws DecodeException {
    if (frame.getCodec() == Codec.H264) {
      throw new DecodeException(ErrorKind.UNSUPPORTED_CODEC, "H.264 is not decoded by this test decoder");
    }
    ByteBuffer payload = frame.getPayload().duplicate();
    byte[] bytes = new byte[payload.remaining()];
    payload.get(bytes);
    Mat bgr;
    try (BytePointer data = new BytePointer(bytes); Mat encoded = new Mat(1, bytes.length, org.bytedeco.opencv.global.opencv_core.CV_8UC1, data)) {
      bgr = imdecode(encoded, IMREAD_COLOR);
    }
    if (bgr == null || bgr.empty()) {
      if (bgr != null) {
        bgr.close();
      }
      throw new DecodeException(ErrorKind.CORRUPT_PAYLOAD, "payload of " + bytes.length + " bytes is not a readable image");
    }
    return new DecodedFrame(bgr, bgr.cols(), bgr.rows());
  }

  @Override
  public void release(String cameraId) {}

  @Override
  public int releaseIdle() {
    idleChecks++;
    return 0;
  }

  @Override
  public void close() {
    closed = true;
  }
}
