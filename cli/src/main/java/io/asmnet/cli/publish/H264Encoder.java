package io.asmnet.cli.publish;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.asmnet.schemas.avro.Codec;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Encodes BGR pictures to H.264 access units with FFmpeg's libopenh264 encoder (the bundled
 * FFmpeg's only H.264 encoder), used at the codec level: no container, so its output is already
 * Annex-B with SPS/PPS in front of every keyframe (no global header asked for), as a {@code Frame}
 * of codec H264 needs. No B-frames: each picture yields its access unit at once. The stream takes
 * the size of the first picture rounded down to even numbers (4:2:0); later pictures of another
 * size are scaled to it. Owns the codec context, picture, packet and scaler. Not thread-safe.
 */
public final class H264Encoder implements PictureEncoder {
  /** A keyframe every 50 pictures: 2 s at 25 fps, so a consumer that joins late waits little. */
  public static final int DEFAULT_GOP = 50;

  /** 2 Mbit/s: plenty for 640x480 faces. */
  public static final int DEFAULT_BITRATE = 2_000_000;

  private final double fps;
  private final int gop;
  private final int bitrate;
  private final PointerPointer<BytePointer> srcPlanes = new PointerPointer<>(4);
  private final IntPointer srcStrides = new IntPointer(4);
  private final Deque<Long> timestamps = new ArrayDeque<>();
  private AVCodecContext context;
  private AVFrame picture;
  private AVPacket packet;
  private SwsContext scaler;
  private long pts;
  private boolean closed;

  /**
   * @param fps the stream's nominal rate (for rate control)
   * @param gop pictures per keyframe interval
   * @param bitrate target bits per second
   * @throws IOException when this FFmpeg build has no libopenh264 encoder
   */
  public H264Encoder(double fps, int gop, int bitrate) throws IOException {
    if (fps <= 0 || gop < 1 || bitrate <= 0) {
      throw new IllegalArgumentException(
          "fps, gop and bitrate must be positive: " + fps + ", " + gop + ", " + bitrate);
    }
    if (avcodec_find_encoder_by_name("libopenh264") == null) {
      throw new IOException("this FFmpeg build has no libopenh264 encoder: cannot encode H.264");
    }
    this.fps = fps;
    this.gop = gop;
    this.bitrate = bitrate;
  }

  @Override
  public Codec codec() {
    return Codec.H264;
  }

  @Override
  public List<EncodedFrame> encode(Mat bgr, long timestampMicros) throws IOException {
    if (closed) {
      throw new IllegalStateException("encoder is closed");
    }
    if (bgr.type() != CV_8UC3) {
      throw new IOException(
          "H.264 encoding needs 8-bit BGR pictures, got OpenCV type " + bgr.type());
    }
    if (context == null) {
      open(bgr.cols() & ~1, bgr.rows() & ~1);
    }
    check(av_frame_make_writable(picture), "make the picture writable");
    scaler =
        sws_getCachedContext(
            scaler,
            bgr.cols(),
            bgr.rows(),
            AV_PIX_FMT_BGR24,
            picture.width(),
            picture.height(),
            AV_PIX_FMT_YUV420P,
            SWS_BILINEAR,
            null,
            null,
            (DoublePointer) null);
    if (scaler == null) {
      throw new IOException(
          "cannot convert a " + bgr.cols() + "x" + bgr.rows() + " picture to YUV 4:2:0");
    }
    srcPlanes.put(0, bgr.data());
    srcStrides.put(0, (int) bgr.step());
    sws_scale(scaler, srcPlanes, srcStrides, 0, bgr.rows(), picture.data(), picture.linesize());
    picture.pts(pts++);
    timestamps.add(timestampMicros);
    check(avcodec_send_frame(context, picture), "send a picture to libopenh264");
    return drain();
  }

  @Override
  public List<EncodedFrame> finish() throws IOException {
    if (context == null || closed) {
      return List.of();
    }
    int ret = avcodec_send_frame(context, null);
    if (ret < 0 && ret != AVERROR_EOF) {
      check(ret, "flush libopenh264");
    }
    return drain();
  }

  private List<EncodedFrame> drain() throws IOException {
    List<EncodedFrame> out = new ArrayList<>();
    while (true) {
      int ret = avcodec_receive_packet(context, packet);
      if (ret == AVERROR_EAGAIN() || ret == AVERROR_EOF) {
        return out;
      }
      check(ret, "receive an access unit from libopenh264");
      try {
        byte[] data = new byte[packet.size()];
        packet.data().get(data);
        boolean key = (packet.flags() & AV_PKT_FLAG_KEY) != 0;
        Long timestamp = timestamps.poll();
        out.add(
            new EncodedFrame(
                data,
                Codec.H264,
                context.width(),
                context.height(),
                key,
                timestamp == null ? -1 : timestamp));
      } finally {
        av_packet_unref(packet);
      }
    }
  }

  private void open(int width, int height) throws IOException {
    if (width < 16 || height < 16) {
      throw new IOException(
          "picture of " + width + "x" + height + " is too small for H.264 (16x16 at least)");
    }
    av_log_set_level(AV_LOG_ERROR); // libopenh264 logs every default it changes
    AVCodec codec = avcodec_find_encoder_by_name("libopenh264");
    context = avcodec_alloc_context3(codec);
    context.width(width);
    context.height(height);
    context.pix_fmt(AV_PIX_FMT_YUV420P);
    int rate = (int) Math.max(1, Math.round(fps));
    try (AVRational timeBase = new AVRational().num(1).den(rate);
        AVRational frameRate = new AVRational().num(rate).den(1)) {
      context.time_base(timeBase);
      context.framerate(frameRate);
    }
    context.gop_size(gop);
    context.max_b_frames(0);
    context.bit_rate(bitrate);
    check(
        avcodec_open2(context, codec, (AVDictionary) null),
        "open libopenh264 for " + width + "x" + height);
    picture = av_frame_alloc();
    picture.format(AV_PIX_FMT_YUV420P);
    picture.width(width);
    picture.height(height);
    check(av_frame_get_buffer(picture, 0), "allocate a " + width + "x" + height + " picture");
    packet = av_packet_alloc();
  }

  private static void check(int ret, String what) throws IOException {
    if (ret < 0) {
      throw new IOException("cannot " + what + " (FFmpeg error " + ret + ")");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    sws_freeContext(scaler);
    if (picture != null) {
      av_frame_free(picture);
    }
    if (packet != null) {
      av_packet_free(packet);
    }
    if (context != null) {
      avcodec_free_context(context);
    }
    srcPlanes.close();
    srcStrides.close();
  }
}
