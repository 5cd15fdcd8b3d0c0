package io.asmnet.processor.cli;

import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.decode.CompositeFrameDecoder;
import io.asmnet.processor.decode.DecodeLimits;
import io.asmnet.processor.decode.FfmpegLog;
import io.asmnet.processor.decode.FrameDecoder;
import io.asmnet.processor.detect.CascadeFaceDetector;
import io.asmnet.processor.detect.DetectorConfig;
import io.asmnet.processor.track.FaceLocator;
import io.asmnet.processor.track.TrackerConfig;
import io.asmnet.processor.track.TrackingFaceLocator;
import java.util.function.Supplier;

/**
 * The production stages, from {@link ProcessorConfig.Stages}: still/H.264 decoding within {@link
 * DecodeLimits}, and the cascade detector behind the tracker. This is the one place that names
 * the decode/detect/track implementations and maps the configuration onto their settings; what
 * the configuration does not expose keeps the records' {@code defaults()}.
 */
public final class ProductionStages implements StageFactory {

  @Override
  public Supplier<FrameDecoder> decoders(ProcessorConfig config) {
    DecodeLimits limits = decodeLimits(config.stages());
    // FFmpeg's log is process-wide: set once here, before the first decoder exists.
    FfmpegLog.route(config.stages().ffmpegLogLevel());
    return () -> new CompositeFrameDecoder(limits);
  }

  @Override
  public Supplier<FaceLocator> locators(ProcessorConfig config) {
    DetectorConfig detector = detectorConfig(config.stages());
    TrackerConfig tracker = trackerConfig(config.stages());
    return () -> {
      CascadeFaceDetector cascade = new CascadeFaceDetector(detector);
      try {
        return new TrackingFaceLocator(cascade, tracker);
      } catch (RuntimeException e) {
        cascade.close();
        throw e;
      }
    };
  }

  static DecodeLimits decodeLimits(ProcessorConfig.Stages s) {
    return new DecodeLimits(s.maxPayloadBytes(), s.maxPixels());
  }

  static DetectorConfig detectorConfig(ProcessorConfig.Stages s) {
    return DetectorConfig.defaults()
        .withCascade(s.detectorCascade())
        .withDetectionWidth(s.detectorWidth())
        .withMinFaceSize(s.detectorMinFacePixels())
        .withMaxFaces(s.detectorMaxFaces());
  }

  static TrackerConfig trackerConfig(ProcessorConfig.Stages s) {
    TrackerConfig d = TrackerConfig.defaults().withDetectEvery(s.trackerRedetectInterval());
    // One faces-per-frame limit for both: the tracker must not keep more faces than detection may find.
    return new TrackerConfig(d.detectEvery(), d.minFaceSize(), s.detectorMaxFaces(), d.minEyeDistance(), d.minInside());
  }
}
