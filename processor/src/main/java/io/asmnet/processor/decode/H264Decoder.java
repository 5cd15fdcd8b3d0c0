package io.asmnet.processor.decode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_LOW_DELAY;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.asmnet.schemas.avro.ErrorKind;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The H.264 decoder state of one camera: FFmpeg's decoder opened single-threaded with {@code
 * AV_CODEC_FLAG_LOW_DELAY}, so each Annex-B access unit sent yields its picture at once (no frame
 * delay; streams with B-frames are not supported), converted to BGR24 with swscale. Owns every
 * native object it creates and frees them in {@link #close()}. Not thread-safe.
 */
public final class H264Decoder implements AutoCloseable {
  private final AVCodecContext context;
  private final AVPacket packet;
  private final AVFrame picture;
  private final PointerPointer<BytePointer> dstPlanes = new PointerPointer<>(4);
  private final IntPointer dstStrides = new IntPointer(4);
  private SwsContext scaler;
  private boolean closed;

  /**
   * @param maxPixels FFmpeg refuses (before allocating) pictures larger than this, whatever the
   *     frame record declared
   */
  public H264Decoder(long maxPixels) {
    AVCodec codec = avcodec_find_decoder(AV_CODEC_ID_H264);
    if (codec == null) {
      throw new IllegalStateException("this FFmpeg build has no H.264 decoder");
    }
    context = avcodec_alloc_context3(codec);
    context.thread_count(1);
    context.flags(context.flags() | AV_CODEC_FLAG_LOW_DELAY);
    context.max_pixels(maxPixels);
    int ret = avcodec_open2(context, codec, (AVDictionary) null);
    if (ret < 0) {
      avcodec_free_context(context);
      throw new IllegalStateException("cannot open the H.264 decoder: " + errorText(ret));
    }
    packet = av_packet_alloc();
    picture = av_frame_alloc();
  }

  /**
   * Decodes one access unit (start codes included).
   *
   * @throws DecodeException DECODE_FAILED when FFmpeg rejects the data or returns no picture for
   *     it; the caller should then discard this decoder and wait for the next keyframe
   */
  public DecodedFrame decode(byte[] accessUnit) throws DecodeException {
    if (closed) {
      throw new IllegalStateException("decoder is closed");
    }
    // av_new_packet adds the zeroed padding FFmpeg's bitstream readers require.
    if (av_new_packet(packet, accessUnit.length) < 0) {
      throw new DecodeException(
          ErrorKind.DECODE_FAILED, "cannot allocate a packet of " + accessUnit.length + " bytes");
    }
    int ret;
    try {
      packet.data().put(accessUnit);
      ret = avcodec_send_packet(context, packet);
    } finally {
      av_packet_unref(packet);
    }
    if (ret < 0) {
      throw new DecodeException(
          ErrorKind.DECODE_FAILED, "H.264 decoder rejected the access unit: " + errorText(ret));
    }
    ret = avcodec_receive_frame(context, picture);
    if (ret == AVERROR_EAGAIN()) {
      throw new DecodeException(
          ErrorKind.DECODE_FAILED,
          "H.264 decoder returned no picture for the access unit (missing reference or B-frames)");
    }
    if (ret < 0) {
      throw new DecodeException(
          ErrorKind.DECODE_FAILED, "H.264 decoding failed: " + errorText(ret));
    }
    try {
      return toBgr();
    } finally {
      av_frame_unref(picture);
    }
  }

  private DecodedFrame toBgr() throws DecodeException {
    int width = picture.width();
    int height = picture.height();
    scaler =
        sws_getCachedContext(
            scaler,
            width,
            height,
            picture.format(),
            width,
            height,
            AV_PIX_FMT_BGR24,
            SWS_BILINEAR,
            null,
            null,
            (DoublePointer) null);
    if (scaler == null) {
      throw new DecodeException(
          ErrorKind.DECODE_FAILED, "cannot convert pixel format " + picture.format() + " to BGR");
    }
    Mat bgr = new Mat(height, width, CV_8UC3);
    dstPlanes.put(0, bgr.data());
    dstStrides.put(0, (int) bgr.step());
    sws_scale(scaler, picture.data(), picture.linesize(), 0, height, dstPlanes, dstStrides);
    return new DecodedFrame(bgr, width, height);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    sws_freeContext(scaler);
    av_frame_free(picture);
    av_packet_free(packet);
    avcodec_free_context(context);
    dstPlanes.close();
    dstStrides.close();
  }

  private static String errorText(int code) {
    return FfmpegErrors.describe(code);
  }
}
