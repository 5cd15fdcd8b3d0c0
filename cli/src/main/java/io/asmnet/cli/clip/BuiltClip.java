package io.asmnet.cli.clip;

import java.nio.file.Path;

/**
 * What {@link ClipBuilder#build} wrote.
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
}
