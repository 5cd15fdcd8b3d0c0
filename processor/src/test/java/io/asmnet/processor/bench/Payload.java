package io.asmnet.processor.bench;

import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.Frame;
import java.nio.ByteBuffer;

/**
 * One encoded picture ready to publish: JPEG bytes or one H.264 access unit.
 *
 * @param width pixels (sent in the frame for H.264, as the schema requires)
 * @param height pixels
 */
record Payload(byte[] data, Codec codec, int width, int height, boolean keyframe) {
  Payload {
    if (data == null || data.length == 0) {
      throw new IllegalArgumentException("empty payload");
    }
  }

  /** The frame of camera {@code camera}, number {@code sequence}, captured at {@code captureMs} (epoch ms). */
  Frame frame(String camera, long sequence, long captureMs) {
    Frame.Builder b = Frame.newBuilder().setCameraId(camera).setSequence(sequence).setCaptureTimeMs(captureMs)
        .setCodec(codec).setKeyframe(keyframe).setPayload(ByteBuffer.wrap(data));
    if (codec == Codec.H264) {
      b.setWidth(width).setHeight(height);
    }
    return b.build();
  }
}
