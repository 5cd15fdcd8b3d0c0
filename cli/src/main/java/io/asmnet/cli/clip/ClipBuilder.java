package io.asmnet.cli.clip;

import io.asmnet.trainer.data.Affine2d;
import io.asmnet.trainer.data.DecodedImage;
import io.asmnet.trainer.data.ImageCache;
import io.asmnet.trainer.data.LabelledFace;
import io.asmnet.trainer.data.PoseFromLandmarks;
import io.asmnet.trainer.data.StarterDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds test clips with known ground truth from labelled still photos: the façade of this package.
 *
 * <p>The faces are grouped by photo (in order of first appearance); each photo becomes one segment
 * of {@link ClipSpec#frames()} frames in which the photo, fitted into the frame, pans, zooms and
 * rotates smoothly (see {@link ClipSpec}). Every frame's true landmarks are the photo's labels
 * moved by the same 2x3 affine that warped the photo, and the true roll is the label's roll plus
 * the frame's rotation (clockwise positive). Stateless apart from the pose estimator; one instance
 * may build many clips, one at a time per thread.
 *
 * <p>Output in {@code outDir}: {@code clip.mp4} (H.264 via libopenh264, yuv420p, keyframe every
 * {@link ClipSpec#gopFrames()} frames), {@code frames/frame-000000.jpg}, ... and {@code
 * ground-truth.json} (read with {@link GroundTruth#read(Path)}). Frame sequence numbers start at 0
 * and run across segments.
 */
public final class ClipBuilder {
  /** File name of the MP4 in the output folder. */
  public static final String MP4 = "clip.mp4";

  /** Folder name of the JPEG frames in the output folder. */
  public static final String JPEG_DIR = "frames";

  /** File name of the ground truth in the output folder. */
  public static final String GROUND_TRUTH = "ground-truth.json";

  private static final Logger LOG = LoggerFactory.getLogger(ClipBuilder.class);
  private final PoseFromLandmarks pnp = new PoseFromLandmarks();

  /**
   * Builds a clip.
   *
   * @param spec motion, size and length (frames per photo)
   * @param faces labelled faces; all faces of a photo appear in its segment
   * @param outDir output folder (created; existing files of the same names are replaced)
   * @return the written files and the frame count (photos x {@code spec.frames()})
   * @throws IOException when a photo cannot be read or an output cannot be written
   * @throws IllegalArgumentException when {@code faces} is empty
   */
  public BuiltClip build(ClipSpec spec, List<LabelledFace> faces, Path outDir) throws IOException {
    return build(spec, faces, outDir, written -> {});
  }

  /**
   * Builds a clip as {@link #build(ClipSpec, List, Path)}, calling {@code onFrame} with the number
   * of frames written so far after each frame (for progress bars).
   */
  public BuiltClip build(ClipSpec spec, List<LabelledFace> faces, Path outDir, LongConsumer onFrame)
      throws IOException {
    if (faces.isEmpty()) {
      throw new IllegalArgumentException("no labelled faces to build a clip from");
    }
    Files.createDirectories(outDir);
    Path mp4 = outDir.resolve(MP4);
    Path jpegDir = outDir.resolve(JPEG_DIR);
    List<Segment> segments = new ArrayList<>();
    List<TruthFrame> frames = new ArrayList<>();
    try (ClipWriter writer = new ClipWriter(mp4, jpegDir, spec)) {
      for (Map.Entry<Path, List<LabelledFace>> photo : byPhoto(faces).entrySet()) {
        segments.add(
            writeSegment(
                spec, segments.size(), photo.getKey(), photo.getValue(), writer, frames, onFrame));
      }
    }
    Path json = outDir.resolve(GROUND_TRUTH);
    new GroundTruth(spec, segments, frames).write(json);
    LOG.info("Built {} frames from {} photos into {}", frames.size(), segments.size(), outDir);
    return new BuiltClip(mp4, jpegDir, json, frames.size());
  }

  /** The held-out faces of the starter set (fetched into {@code cacheDir} if needed). */
  public static List<LabelledFace> starterHeldOut(Path cacheDir) {
    return StarterDataset.fetchAndLoad(cacheDir).heldOut();
  }

  private Segment writeSegment(
      ClipSpec spec,
      int index,
      Path image,
      List<LabelledFace> faces,
      ClipWriter writer,
      List<TruthFrame> frames,
      LongConsumer onFrame)
      throws IOException {
    DecodedImage photo = decode(image);
    PhotoFaces photoFaces = new PhotoFaces(faces, photo.width(), photo.height(), pnp);
    // Each segment its own motion, still reproducible from the spec's seed.
    MotionPath path = new MotionPath(spec, spec.seed() * 1_000_003L + index);
    long first = frames.size();
    try (PhotoWarper warper = new PhotoWarper(photo, spec.width(), spec.height())) {
      for (int k = 0; k < spec.frames(); k++) {
        Motion motion = path.at(k);
        Affine2d affine =
            FramePlacement.of(photo.width(), photo.height(), spec.width(), spec.height(), motion);
        writer.write(warper.render(affine));
        frames.add(
            new TruthFrame(
                first + k,
                index,
                motion,
                affine.toArray(),
                photoFaces.inFrame(affine, motion.rotationDeg(), spec.width(), spec.height())));
        onFrame.accept(frames.size());
      }
    }
    return new Segment(
        index, image.toString(), photo.width(), photo.height(), first, spec.frames());
  }

  private static DecodedImage decode(Path image) throws IOException {
    try {
      return ImageCache.decode(image);
    } catch (RuntimeException e) {
      throw new IOException("cannot read photo " + image + ": " + e.getMessage(), e);
    }
  }

  private static Map<Path, List<LabelledFace>> byPhoto(List<LabelledFace> faces) {
    Map<Path, List<LabelledFace>> out = new LinkedHashMap<>();
    for (LabelledFace face : faces) {
      out.computeIfAbsent(face.image(), p -> new ArrayList<>()).add(face);
    }
    return out;
  }
}
