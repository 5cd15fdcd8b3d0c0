package io.asmnet.cli.clip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.asmnet.trainer.data.Affine2d;
import io.asmnet.trainer.data.HeadPose;
import io.asmnet.trainer.data.LabelledFace;
import io.asmnet.trainer.data.PoseFromLandmarks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipBuilderTest {
  private static final ClipSpec SMALL = ClipSpec.defaults().withFrames(6).withSize(320, 240);

  @TempDir Path out;

  @Test
  void shouldWriteAnMp4JpegsAndGroundTruthWithOneFramePerPhotoFrame() throws Exception {
    List<LabelledFace> faces = new ArrayList<>(StarterFaces.photo(0));
    faces.addAll(StarterFaces.photo(1));

    BuiltClip clip = new ClipBuilder().build(SMALL, faces, out);

    assertThat(clip.frames()).isEqualTo(12);
    assertThat(clip.mp4()).isRegularFile();
    assertThat(Files.size(clip.mp4())).isPositive();
    int[] decoded = decodeAll(clip.mp4());
    assertThat(decoded).containsExactly(12, 320, 240);
    try (Stream<Path> jpegs = Files.list(clip.jpegDir())) {
      assertThat(jpegs.filter(p -> p.toString().endsWith(".jpg")).count()).isEqualTo(12);
    }
    assertThat(clip.jpeg(11)).isRegularFile().hasFileName("frame-000011.jpg");
    assertThat(BuiltClip.open(out)).isEqualTo(clip);
    GroundTruth truth = GroundTruth.read(clip.groundTruthJson());
    assertThat(truth.frames()).hasSize(12);
    assertThat(truth.segments()).extracting(Segment::firstSequence).containsExactly(0L, 6L);
    assertThat(truth.frame(0).faces()).hasSize(StarterFaces.photo(0).size());
    assertThat(truth.frame(6).faces()).hasSize(StarterFaces.photo(1).size());
    assertThat(truth.faceCount()).isEqualTo(6 * faces.size());
  }

  @Test
  void shouldMoveEveryLandmarkByTheFramesAffineRelativeToFrameZero() throws Exception {
    BuiltClip clip = new ClipBuilder().build(SMALL.withFrames(12), StarterFaces.photo(0), out);
    GroundTruth truth = GroundTruth.read(clip.groundTruthJson());

    TruthFrame first = truth.frame(0);
    Affine2d undoFirst = inverse(affine(first));
    for (TruthFrame frame : truth.frames()) {
      Affine2d firstToThis = undoFirst.then(affine(frame));
      for (int f = 0; f < frame.faces().size(); f++) {
        float[] expected = firstToThis.apply(first.faces().get(f).landmarks());
        float[] actual = frame.faces().get(f).landmarks();
        for (int i = 0; i < 136; i++) {
          assertThat((double) actual[i]).isCloseTo(expected[i], within(1e-2));
        }
      }
    }
    assertThat(truth.frames())
        .extracting(fr -> fr.motion().rotationDeg())
        .anySatisfy(r -> assertThat(Math.abs(r)).isGreaterThan(1));
  }

  @Test
  void shouldShowAPaintedLandmarkWhereTheGroundTruthPutsIt() throws Exception {
    LabelledFace face = PaintedPhoto.write(StarterFaces.photo(0).get(0), 30, out.resolve("src"));
    ClipSpec lively = new ClipSpec(12, 30, 320, 240, 25, 1.0, 1.6, 30, 7L, 30);

    BuiltClip clip = new ClipBuilder().build(lively, List.of(face), out.resolve("clip"));

    GroundTruth truth = GroundTruth.read(clip.groundTruthJson());
    for (TruthFrame frame : truth.frames()) {
      float[] lm = frame.faces().get(0).landmarks();
      double[] found = PaintedPhoto.findDot(clip.jpeg(frame.sequence()));
      assertThat(found[0]).as("x of frame %d", frame.sequence()).isCloseTo(lm[60], within(1.5));
      assertThat(found[1]).as("y of frame %d", frame.sequence()).isCloseTo(lm[61], within(1.5));
    }
  }

  @Test
  void shouldAddTheFrameRotationToTheLabelRoll() throws Exception {
    List<LabelledFace> faces = StarterFaces.photo(0);
    ClipSpec rolling = new ClipSpec(12, 30, 320, 240, 0, 1.0, 1.0, 30, 3L, 30);

    GroundTruth truth =
        GroundTruth.read(new ClipBuilder().build(rolling, faces, out).groundTruthJson());

    Segment segment = truth.segments().get(0);
    PoseFromLandmarks pnp = new PoseFromLandmarks();
    for (int f = 0; f < faces.size(); f++) {
      HeadPose label =
          pnp.estimate(faces.get(f).landmarks(), segment.imageWidth(), segment.imageHeight());
      for (TruthFrame frame : truth.frames()) {
        TruthFace face = frame.faces().get(f);
        double offset = PhotoFaces.wrapDegrees(face.roll() - label.roll());
        assertThat(offset).isCloseTo(frame.motion().rotationDeg(), within(1e-3));
        assertThat(face.yaw()).isCloseTo(label.yaw(), within(1e-3));
        // Independent check of the sign: the pose solver on the moved points sees the roll
        // (rotation is about the frame centre, the solver's principal point, so it agrees).
        HeadPose seen = pnp.estimate(face.landmarks(), 320, 240);
        assertThat(PhotoFaces.wrapDegrees(seen.roll() - face.roll())).isCloseTo(0, within(0.5));
      }
    }
  }

  @Test
  void shouldRejectAnEmptyFaceListAndOddFrameSizes() {
    assertThatThrownBy(() -> new ClipBuilder().build(SMALL, List.of(), out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no labelled faces");
    assertThatThrownBy(() -> SMALL.withSize(321, 240))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("even");
  }

  @Test
  void shouldRefuseToOpenAFolderWithoutAClip() {
    assertThatThrownBy(() -> BuiltClip.open(out))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a clip folder");
  }

  @Test
  void shouldSayWhichGroundTruthFileIsMissing() {
    Path missing = out.resolve("nope.json");
    assertThatThrownBy(() -> GroundTruth.read(missing))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("nope.json");
  }

  private static int[] decodeAll(Path mp4) throws Exception {
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(mp4.toFile())) {
      grabber.start();
      int count = 0;
      int width = 0;
      int height = 0;
      Frame frame;
      while ((frame = grabber.grabImage()) != null) {
        count++;
        width = frame.imageWidth;
        height = frame.imageHeight;
      }
      grabber.stop();
      return new int[] {count, width, height};
    }
  }

  private static Affine2d affine(TruthFrame frame) {
    double[] m = frame.affine();
    return new Affine2d(m[0], m[1], m[2], m[3], m[4], m[5]);
  }

  private static Affine2d inverse(Affine2d m) {
    double det = m.a() * m.e() - m.b() * m.d();
    double a = m.e() / det;
    double b = -m.b() / det;
    double d = -m.d() / det;
    double e = m.a() / det;
    return new Affine2d(a, b, -(a * m.c() + b * m.f()), d, e, -(d * m.c() + e * m.f()));
  }
}
