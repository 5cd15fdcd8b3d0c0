package io.asmnet.cli.publish;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_get_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_init;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_send_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_ref;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVBSFContext;
import org.bytedeco.ffmpeg.avcodec.AVBitStreamFilter;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * Reads an H.264 clip (MP4, MKV, raw {@code .h264}, ...) as Annex-B access units without decoding
 * it: the demuxer's packets go through FFmpeg's {@code h264_mp4toannexb} filter, which turns
 * length-prefixed (AVCC) NAL units into start-code form and puts SPS/PPS before each keyframe
 * (already Annex-B input passes through unchanged). Used to publish clips as H264 frames. Owns the
 * demuxer and filter; close it.
 */
public final class H264AccessUnits implements AutoCloseable {
  private final FFmpegFrameGrabber grabber;
  private final int streamIndex;
  private final int width;
  private final int height;
  private final int timeBaseNum;
  private final int timeBaseDen;
  private final AVBSFContext filter;
  private final AVPacket input = av_packet_alloc();
  private final AVPacket output = av_packet_alloc();
  private final Deque<AccessUnit> pending = new ArrayDeque<>();
  private boolean closed;

  private H264AccessUnits(FFmpegFrameGrabber grabber) throws IOException {
    this.grabber = grabber;
    AVFormatContext format = grabber.getFormatContext();
    AVStream stream = videoStream(format);
    this.streamIndex = stream.index();
    AVCodecParameters params = stream.codecpar();
    if (params.codec_id() != AV_CODEC_ID_H264) {
      throw new IOException("clip's video is " + grabber.getVideoCodecName() + ", not H.264");
    }
    this.width = params.width();
    this.height = params.height();
    try (AVRational timeBase = stream.time_base()) { // a native copy
      this.timeBaseNum = timeBase.num();
      this.timeBaseDen = timeBase.den();
    }
    this.filter = openFilter(stream);
  }

  /** Opens {@code clip}; fails when it has no H.264 video stream. */
  public static H264AccessUnits open(Path clip) throws IOException {
    av_log_set_level(AV_LOG_ERROR);
    FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile());
    try {
      grabber.start();
      return new H264AccessUnits(grabber);
    } catch (IOException | RuntimeException e) {
      grabber.close();
      throw e instanceof IOException io ? io : new IOException("cannot read clip " + clip, e);
    }
  }

  /**
   * How many pictures the clip holds as its container says (frame count, or duration times frame
   * rate), or -1 when it does not say (a raw Annex-B stream). An estimate for progress, not a
   * bound: read until {@link #next} is empty.
   */
  public long frameCountHint() {
    int frames = grabber.getLengthInVideoFrames();
    return frames > 0 ? frames : -1;
  }

  /** Every access unit of {@code clip}, in decoding order. For short clips (all in memory). */
  public static List<AccessUnit> readAll(Path clip) throws IOException {
    List<AccessUnit> units = new ArrayList<>();
    try (H264AccessUnits reader = open(clip)) {
      for (Optional<AccessUnit> unit = reader.next(); unit.isPresent(); unit = reader.next()) {
        units.add(unit.get());
      }
    }
    return units;
  }

  /** The next access unit in decoding order, or empty at the end of the clip. */
  public Optional<AccessUnit> next() throws IOException {
    while (pending.isEmpty()) {
      AVPacket packet = grabber.grabPacket();
      if (packet == null) {
        return Optional.empty();
      }
      if (packet.stream_index() != streamIndex) {
        continue;
      }
      check(av_packet_ref(input, packet), "copy packet");
      check(av_bsf_send_packet(filter, input), "filter packet"); // takes input's reference
      while (av_bsf_receive_packet(filter, output) == 0) {
        pending.add(toUnit(output));
        av_packet_unref(output);
      }
    }
    return Optional.of(pending.poll());
  }

  private AccessUnit toUnit(AVPacket packet) {
    byte[] data = new byte[packet.size()];
    packet.data().get(data);
    boolean key = (packet.flags() & AV_PKT_FLAG_KEY) != 0;
    long pts =
        packet.pts() == AV_NOPTS_VALUE ? -1 : packet.pts() * 1_000_000L * timeBaseNum / timeBaseDen;
    return new AccessUnit(data, key, width, height, pts);
  }

  private static AVStream videoStream(AVFormatContext format) throws IOException {
    for (int i = 0; i < format.nb_streams(); i++) {
      AVStream stream = format.streams(i);
      if (stream.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
        return stream;
      }
    }
    throw new IOException("clip has no video stream");
  }

  private static AVBSFContext openFilter(AVStream stream) throws IOException {
    AVBitStreamFilter kind = av_bsf_get_by_name("h264_mp4toannexb");
    if (kind == null) {
      throw new IOException("this FFmpeg build lacks the h264_mp4toannexb bitstream filter");
    }
    AVBSFContext filter = new AVBSFContext(null);
    check(av_bsf_alloc(kind, filter), "allocate h264_mp4toannexb");
    try {
      check(avcodec_parameters_copy(filter.par_in(), stream.codecpar()), "copy codec parameters");
      try (AVRational timeBase = stream.time_base()) {
        filter.time_base_in(timeBase);
      }
      check(av_bsf_init(filter), "initialise h264_mp4toannexb");
      return filter;
    } catch (IOException e) {
      av_bsf_free(filter);
      throw e;
    }
  }

  private static void check(int ret, String what) throws IOException {
    if (ret < 0) {
      throw new IOException(what + " failed with FFmpeg error " + ret);
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    av_bsf_free(filter);
    av_packet_free(input);
    av_packet_free(output);
    grabber.close();
  }
}
