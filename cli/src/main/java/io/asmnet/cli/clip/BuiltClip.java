package io.asmnet.cli.clip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A built clip on disk: what {@link ClipBuilder#build} wrote, or {@link #open(Path)} found.
 *
 * @param mp4 the H.264 (libopenh264) MP4, yuv420p
 * @param jpegDir folder of {@code frame-000000.jpg}, ... (one per frame, same pixels before
 *     compression as the MP4's frames)
 * @param groundTruthJson the {@link GroundTruth} file
 * @param frames number of frames
 */
public record BuiltClip(Path mp4, Path jpegDir, Path groundTruthJson, int frames) {
  public BuiltClip {
    if (mp4 == null || jpegDir == null || groundTruthJson == null || frames < 1) {
      throw new IllegalArgumentException("all paths are required and frames >= 1");
    }
  }

  /** The JPEG of a frame: {@code jpegDir/frame-000042.jpg} for sequence 42. */
  public Path jpeg(long sequence) {
    if (sequence < 0 || sequence >= frames) {
      throw new IllegalArgumentException("sequence " + sequence + " not in 0.." + (frames - 1));
    }
    return jpegDir.resolve(ClipWriter.jpegName(sequence));
  }

  /**
   * A clip folder written earlier by {@link ClipBuilder} (reads the ground truth once for the frame
   * count).
   *
   * @throws IOException when a part is missing or the ground truth is unreadable
   */
  public static BuiltClip open(Path dir) throws IOException {
    Path mp4 = dir.resolve(ClipBuilder.MP4);
    Path jpegs = dir.resolve(ClipBuilder.JPEG_DIR);
    if (!Files.isRegularFile(mp4) || !Files.isDirectory(jpegs)) {
      throw new IOException(
          "not a clip folder (needs "
              + ClipBuilder.MP4
              + " and "
              + ClipBuilder.JPEG_DIR
              + "/): "
              + dir);
    }
    Path json = dir.resolve(ClipBuilder.GROUND_TRUTH);
    return new BuiltClip(mp4, jpegs, json, GroundTruth.read(json).frames().size());
  }
}
