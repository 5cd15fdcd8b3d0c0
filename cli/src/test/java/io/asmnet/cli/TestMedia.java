package io.asmnet.cli;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import io.asmnet.processor.decode.SyntheticClips;
import io.asmnet.schemas.avro.Box;
import io.asmnet.schemas.avro.Face;
import io.asmnet.schemas.avro.FaceSource;
import io.asmnet.schemas.avro.Point;
import io.asmnet.schemas.avro.PoseEvent;
import io.asmnet.schemas.avro.StageTimings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Synthetic images, clips and pose events for the cli tests. */
public final class TestMedia {
  private TestMedia() {}

  /** Writes {@code count} JPEGs {@code img-000.jpg...} of the processor's moving pattern. */
  public static Path jpegFolder(Path folder, int count, int width, int height) throws Exception {
    Files.createDirectories(folder);
    for (int i = 0; i < count; i++) {
      try (Mat picture = SyntheticClips.pattern(width, height, i)) {
        imwrite(folder.resolve(String.format("img-%03d.jpg", i)).toString(), picture);
      }
    }
    return folder;
  }

  /** An H.264 MP4 of the moving pattern (libopenh264), {@code frames} pictures, GOP {@code gop}. */
  public static Path h264Clip(Path file, int width, int height, int frames, int gop)
      throws Exception {
    return SyntheticClips.movingPattern(file, width, height, frames, gop);
  }

  /**
   * A pose event with one face: box at (x, y) of size {@code size}, 68 landmarks on a circle inside
   * it (landmark 30, the nose tip, at the box centre) and the given pose in degrees.
   */
  public static PoseEvent event(
      String camera,
      long sequence,
      float x,
      float y,
      float size,
      float yaw,
      float pitch,
      float roll) {
    List<Point> landmarks = new ArrayList<>();
    for (int i = 0; i < 68; i++) {
      double angle = 2 * Math.PI * i / 68;
      float px = i == 30 ? x + size / 2 : (float) (x + size / 2 + 0.4 * size * Math.cos(angle));
      float py = i == 30 ? y + size / 2 : (float) (y + size / 2 + 0.4 * size * Math.sin(angle));
      landmarks.add(Point.newBuilder().setX(px).setY(py).build());
    }
    Face face =
        Face.newBuilder()
            .setBox(Box.newBuilder().setX(x).setY(y).setW(size).setH(size).build())
            .setScore(0.9f)
            .setLandmarks(landmarks)
            .setYaw(yaw)
            .setPitch(pitch)
            .setRoll(roll)
            .setSource(FaceSource.DETECTED)
            .build();
    return PoseEvent.newBuilder()
        .setCameraId(camera)
        .setSequence(sequence)
        .setCaptureTimeMs(1_000 + sequence)
        .setProcessedTimeMs(1_040 + sequence)
        .setFrameWidth(320)
        .setFrameHeight(240)
        .setModelName("asmnet")
        .setModelVersion("test")
        .setTimings(
            StageTimings.newBuilder()
                .setDecodeMicros(1)
                .setDetectMicros(2)
                .setInferMicros(3)
                .setTotalMicros(9)
                .build())
        .setFaces(List.of(face))
        .build();
  }
}
