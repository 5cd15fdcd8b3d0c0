package io.asmnet.cli.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.asmnet.cli.TestMedia;
import io.asmnet.schemas.avro.Point;
import io.asmnet.schemas.avro.PoseEvent;
import java.util.List;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class PoseOverlayTest {
  private static final int SIZE = 200;

  @Test
  void shouldPaintEveryLandmarkAndTheBox() {
    PoseEvent event = TestMedia.event("cam", 0, 50, 50, 100, 0, 0, 0);
    try (Mat image = black();
        UByteIndexer px = image.createIndexer()) {
      new PoseOverlay().draw(image, event);

      for (Point p : event.getFaces().get(0).getLandmarks()) {
        assertThat(nonBlack(px, Math.round(p.getX()), Math.round(p.getY())))
            .as("landmark at %s,%s", p.getX(), p.getY())
            .isTrue();
      }
      assertThat(green(px, 50, 120)).as("left edge of the box").isTrue();
      assertThat(nonBlack(px, 10, 10)).as("far from the face").isFalse();
    }
  }

  @Test
  void shouldPointTheFacingAxisRightWhenYawIsPositive() {
    // Nose tip at (100, 100); the facing axis is blue, half the box (50 px) long when turned 90°.
    try (Mat turned = black();
        UByteIndexer px = turned.createIndexer()) {
      new PoseOverlay().draw(turned, TestMedia.event("cam", 0, 50, 50, 100, 40, 0, 0));

      assertThat(blueBetween(px, 104, 130)).as("blue right of the nose").isTrue();
      assertThat(blueBetween(px, 70, 96)).as("blue left of the nose").isFalse();
    }
  }

  @Test
  void shouldProjectAxesInTheSchemaConvention() {
    double[][] frontal = PoseOverlay.axes(0, 0, 0);
    assertThat(frontal[0]).containsExactly(1, 0); // head x: image right
    assertThat(frontal[1][1]).isEqualTo(-1); // up
    assertThat(Math.hypot(frontal[2][0], frontal[2][1])).isLessThan(1e-9); // towards the viewer

    assertThat(PoseOverlay.axes(30, 0, 0)[2][0]).as("yaw > 0: facing right").isGreaterThan(0.4);
    assertThat(PoseOverlay.axes(0, 30, 0)[2][1]).as("pitch > 0: facing up").isLessThan(-0.4);
    assertThat(PoseOverlay.axes(0, 0, 30)[0][1])
        .as("roll > 0: x axis turns clockwise")
        .isGreaterThan(0.4);
  }

  @Test
  void shouldPaintTheFrameOverAndJoinTheContoursOnABlankBackground() {
    PoseEvent event = TestMedia.event("cam", 0, 50, 50, 100, 0, 0, 0);
    List<Point> p = event.getFaces().get(0).getLandmarks();
    try (Mat image = new Mat(SIZE, SIZE, CV_8UC3, new Scalar(255, 255, 255, 0));
        UByteIndexer px = image.createIndexer()) {
      PoseOverlay.blank().draw(image, event);

      assertThat(px.get(10, 10, 0)).as("the frame's white is painted over").isEqualTo(64);
      // Half-way along the nose bridge (29 on the test ring, 30 at its centre): no dot there.
      int x = Math.round((p.get(29).getX() + p.get(30).getX()) / 2);
      int y = Math.round((p.get(29).getY() + p.get(30).getY()) / 2);
      assertThat(px.get(y, x, 2)).as("nose line at %d,%d", x, y).isGreaterThan(200);
    }
    try (Mat image = black();
        UByteIndexer px = image.createIndexer()) {
      new PoseOverlay().draw(image, event);
      int x = Math.round((p.get(29).getX() + p.get(30).getX()) / 2);
      int y = Math.round((p.get(29).getY() + p.get(30).getY()) / 2);
      assertThat(nonBlack(px, 10, 10)).as("the frame stays").isFalse();
      assertThat(px.get(y, x, 2)).as("no contours on the frame itself").isLessThan(200);
    }
  }

  private static Mat black() {
    return new Mat(SIZE, SIZE, CV_8UC3, new Scalar(0, 0, 0, 0));
  }

  private static boolean nonBlack(UByteIndexer px, int x, int y) {
    return px.get(y, x, 0) + px.get(y, x, 1) + px.get(y, x, 2) > 0;
  }

  private static boolean green(UByteIndexer px, int x, int y) {
    return px.get(y, x, 1) > 200 && px.get(y, x, 0) < 50 && px.get(y, x, 2) < 50;
  }

  /** Any strongly blue pixel on row 100 (the nose tip's row) with x in [from, to]. */
  private static boolean blueBetween(UByteIndexer px, int from, int to) {
    for (int x = from; x <= to; x++) {
      for (int y = 98; y <= 102; y++) {
        if (px.get(y, x, 0) > 150 && px.get(y, x, 1) < 100 && px.get(y, x, 2) < 100) {
          return true;
        }
      }
    }
    return false;
  }
}
