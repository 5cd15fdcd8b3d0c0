package io.asmnet.cli;

import io.asmnet.schemas.avro.Codec;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code --codec} and {@code --fps}: how frames are encoded and how fast they are published, shared
 * by {@code publish}, {@code replay} and {@code demo}. Each command passes its defaults and the
 * codecs it supports; an fps left out (null) means the source's own rate.
 */
public final class EncodingOptions {

  @Option(
      names = {"-c", "--codec"},
      paramLabel = "CODEC",
      description =
          "Codec of the published frames: JPEG, H264, or PNG (publish only) (default: ${DEFAULT-VALUE}).")
  private Codec codec;

  @Option(
      names = "--fps",
      paramLabel = "FPS",
      converter = Rate.Converter.class,
      description =
          "Frames per second, paced in real time; 0: as fast as possible (default: ${DEFAULT-VALUE}).")
  private Rate fps;

  private final Set<Codec> supported;

  /**
   * @param defaultCodec the codec when none is given
   * @param defaultFps the rate when none is given; null for the source's own rate
   * @param supported the codecs the command can publish
   */
  public EncodingOptions(Codec defaultCodec, Double defaultFps, Set<Codec> supported) {
    this.codec = defaultCodec;
    this.fps = new Rate(defaultFps);
    this.supported = Set.copyOf(supported);
  }

  public Codec codec() {
    return codec;
  }

  /** The rate given (or the command's default), or {@code sourceRate} when there is none. */
  public double fps(double sourceRate) {
    return fps.perSecond() != null ? fps.perSecond() : sourceRate;
  }

  /** A usage problem with these options, or null. */
  public String problem() {
    if (!supported.contains(codec)) {
      return "--codec must be "
          + String.join(" or ", supported.stream().map(Enum::name).sorted().toList())
          + ", got "
          + codec;
    }
    if (fps.perSecond() != null && !(fps.perSecond() >= 0)) {
      return "--fps must be 0 or positive, got " + fps;
    }
    return null;
  }

  /**
   * A rate as given, or none (null: the source's own); its text is what help shows as the default.
   */
  public record Rate(Double perSecond) {
    @Override
    public String toString() {
      return perSecond == null ? "the source's own rate" : perSecond.toString();
    }

    public static final class Converter implements ITypeConverter<Rate> {
      @Override
      public Rate convert(String value) {
        return new Rate(Double.valueOf(value));
      }
    }
  }
}
