package io.asmnet.processor.cli;

import io.asmnet.processor.config.DetectorKind;
import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.decode.CompositeFrameDecoder;
import io.asmnet.processor.decode.DecodeLimits;
import io.asmnet.processor.decode.FfmpegLog;
import io.asmnet.processor.decode.FrameDecoder;
import io.asmnet.processor.detect.BlazeFaceConfig;
import io.asmnet.processor.detect.BlazeFaceDetector;
import io.asmnet.processor.detect.BlazeFaceNet;
import io.asmnet.processor.detect.CascadeFaceDetector;
import io.asmnet.processor.detect.DetectorConfig;
import io.asmnet.processor.detect.FaceDetector;
import io.asmnet.processor.track.BlazeFaceConfirmer;
import io.asmnet.processor.track.FaceConfirmer;
import io.asmnet.processor.track.FaceLocator;
import io.asmnet.processor.track.TrackerConfig;
import io.asmnet.processor.track.TrackingFaceLocator;
import java.util.function.Supplier;

/**
 * The production stages, from {@link ProcessorConfig.StageSettings}: still/H.264 decoding within
 * {@link DecodeLimits}, and the detector behind the tracker: BlazeFace (the full-range network on
 * frames, the short-range one confirming tracked faces; both opened once here and shared by every
 * task) or an OpenCV cascade. This is the one place that names the decode/detect/track
 * implementations and maps the configuration onto their settings; what the configuration does not
 * expose keeps the records' {@code defaults()}.
 */
public final class ProductionStages implements StageFactory {
  /** Intra-op threads per detector run: tasks run in parallel already, one per stream thread. */
  private static final int DETECTOR_THREADS = 1;

  private BlazeFaceNet fullRange;
  private BlazeFaceNet shortRange;

  @Override
  public Supplier<FrameDecoder> decoders(ProcessorConfig config) {
    DecodeLimits limits = decodeLimits(config.stages());
    // FFmpeg's log is process-wide: set once here, before the first decoder exists.
    FfmpegLog.route(config.stages().ffmpegLogLevel());
    // Idle cameras are evicted by the topology's camera sessions (decode.camera.idle.ms), which
    // release their decoder state here.
    return () -> new CompositeFrameDecoder(limits);
  }

  @Override
  public Supplier<FaceLocator> locators(ProcessorConfig config) {
    ProcessorConfig.StageSettings s = config.stages();
    TrackerConfig tracker = trackerConfig(s);
    if (s.detector() == DetectorKind.HAAR) {
      DetectorConfig cascade = detectorConfig(s);
      return () -> locator(new CascadeFaceDetector(cascade), null, tracker);
    }
    openNetworks(config);
    BlazeFaceConfig blazeFace = blazeFaceConfig(s);
    BlazeFaceNet full = fullRange;
    BlazeFaceNet confirm = tracker.confirm() ? shortRange : null;
    return () -> {
      BlazeFaceDetector detector = new BlazeFaceDetector(full, blazeFace);
      try {
        return locator(
            detector,
            confirm == null
                ? null
                : new BlazeFaceConfirmer(
                    new BlazeFaceDetector(confirm, blazeFace), blazeFace.upright()),
            tracker);
      } catch (RuntimeException e) {
        detector.close();
        throw e;
      }
    };
  }

  private synchronized void openNetworks(ProcessorConfig config) {
    if (fullRange != null) {
      return;
    }
    ProcessorConfig.StageSettings s = config.stages();
    fullRange =
        BlazeFaceNet.open(
            s.detectorModel(),
            BlazeFaceNet.FULL_RANGE,
            config.inference().device(),
            DETECTOR_THREADS);
    try {
      shortRange =
          BlazeFaceNet.open(
              s.detectorShortModel(),
              BlazeFaceNet.SHORT_RANGE,
              config.inference().device(),
              DETECTOR_THREADS);
    } catch (RuntimeException e) {
      fullRange.close();
      fullRange = null;
      throw e;
    }
  }

  private static FaceLocator locator(
      FaceDetector detector, FaceConfirmer confirmer, TrackerConfig tracker) {
    try {
      return new TrackingFaceLocator(detector, confirmer, tracker);
    } catch (RuntimeException e) {
      detector.close();
      if (confirmer != null) {
        confirmer.close();
      }
      throw e;
    }
  }

  @Override
  public synchronized void close() {
    if (fullRange != null) {
      fullRange.close();
      shortRange.close();
      fullRange = null;
      shortRange = null;
    }
  }

  static DecodeLimits decodeLimits(ProcessorConfig.StageSettings s) {
    return new DecodeLimits(s.maxPayloadBytes(), s.maxPixels());
  }

  static DetectorConfig detectorConfig(ProcessorConfig.StageSettings s) {
    return DetectorConfig.defaults()
        .withCascade(s.detectorCascade())
        .withDetectionWidth(s.detectorWidth())
        .withMinFaceSize(s.detectorMinFacePixels())
        .withMaxFaces(s.detectorMaxFaces());
  }

  static BlazeFaceConfig blazeFaceConfig(ProcessorConfig.StageSettings s) {
    BlazeFaceConfig d = BlazeFaceConfig.defaults();
    return new BlazeFaceConfig(
        s.detectorMinScore(),
        d.nmsIou(),
        s.detectorMaxFaces(),
        s.detectorMinFacePixels(),
        s.cropUpright());
  }

  static TrackerConfig trackerConfig(ProcessorConfig.StageSettings s) {
    // One faces-per-frame limit for both: the tracker must not keep more faces than detection may
    // find.
    // The cascade has no cheap confirmation and its boxes are upright.
    boolean blazeFace = s.detector() == DetectorKind.BLAZEFACE;
    return TrackerConfig.defaults()
        .withDetectEvery(s.trackerRedetectInterval())
        .withMaxFaces(s.detectorMaxFaces())
        .withUpright(blazeFace && s.cropUpright())
        .withConfirm(blazeFace && s.trackerConfirm());
  }
}
