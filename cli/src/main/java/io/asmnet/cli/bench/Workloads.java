package io.asmnet.cli.bench;

import io.asmnet.cli.publish.EncodedFrame;
import io.asmnet.cli.publish.H264Encoder;
import io.asmnet.schemas.avro.Codec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;

/** Builds the two inputs of the benchmark from {@link Scene}s, encoded before the clock starts. */
final class Workloads {
  static final int WIDTH = 640;
  static final int HEIGHT = 480;
  static final int JPEG_QUALITY = 90;

  /** Photo pixels: a face at least this wide stays sharp when its window is scaled to 640x480. */
  static final float SHARP_FACE = 60;

  /** Nominal rate of the H.264 clip, pictures per second. */
  static final double FPS = 25;

  private Workloads() {}

  /**
   * JPEG stills: each camera shows a sequence of shots of {@code shotFrames} pictures, each shot a
   * different scene (1-3 faces) panning slowly; cameras start at different scenes.
   */
  static Workload jpeg(List<Scene> scenes, int cameras, int perCamera, int shotFrames) {
    List<Scene> order = new ArrayList<>(scenes);
    Collections.shuffle(order, new Random(7)); // a fixed mix of 1-, 2- and 3-face scenes
    List<List<EncodedFrame>> out = new ArrayList<>();
    long faces = 0;
    try (SceneVideo video = new SceneVideo(WIDTH, HEIGHT)) {
      for (int c = 0; c < cameras; c++) {
        List<EncodedFrame> pictures = new ArrayList<>(perCamera);
        for (int i = 0; i < perCamera; i++) {
          Scene scene = order.get((c + (i / shotFrames) * cameras) % order.size());
          pictures.add(
              new EncodedFrame(
                  video.jpeg(scene, i % shotFrames, JPEG_QUALITY),
                  Codec.JPEG,
                  WIDTH,
                  HEIGHT,
                  true,
                  -1));
          faces += scene.faces();
        }
        out.add(pictures);
      }
    }
    return new Workload(
        cameras
            + " cameras x "
            + perCamera
            + " JPEG "
            + WIDTH
            + "x"
            + HEIGHT
            + " q"
            + JPEG_QUALITY
            + ", shots of "
            + shotFrames
            + " frames over "
            + Math.min(order.size(), cameras * ceilDiv(perCamera, shotFrames))
            + " of "
            + order.size()
            + " scenes",
        out,
        faces);
  }

  /**
   * One H.264 clip (the publisher's libopenh264 encoder, 25 fps, 2 Mbit/s, a keyframe every {@code
   * gop} pictures) of the scene that moves most in the output, sent by every camera from its first
   * access unit.
   */
  static Workload h264(List<Scene> scenes, int cameras, int clipFrames, int gop)
      throws IOException {
    // The one that moves most on screen among the faces not magnified from a tiny original.
    List<Scene> sharp = scenes.stream().filter(s -> s.smallestFace() >= SHARP_FACE).toList();
    Scene scene =
        (sharp.isEmpty() ? scenes : sharp)
            .stream()
                .max(
                    Comparator.comparingDouble((Scene s) -> s.panX() * s.scaleTo(WIDTH))
                        .thenComparingInt(Scene::faces))
                .orElseThrow();
    List<EncodedFrame> units = new ArrayList<>();
    try (SceneVideo video = new SceneVideo(WIDTH, HEIGHT);
        H264Encoder encoder = new H264Encoder(FPS, gop, H264Encoder.DEFAULT_BITRATE)) {
      for (int t = 0; t < clipFrames; t++) {
        try (Mat picture = video.picture(scene, t)) {
          units.addAll(encoder.encode(picture, (long) (t * 1e6 / FPS)));
        }
      }
      units.addAll(encoder.finish());
    }
    List<List<EncodedFrame>> out = Collections.nCopies(cameras, units);
    double speed = 2 * Math.PI * scene.panX() * scene.scaleTo(WIDTH) / SceneVideo.PERIOD;
    return new Workload(
        String.format(
            "%d cameras x H.264 clip %dx%d, %d frames, GOP %d, %s: %d face(s), "
                + "smallest %.0f px, pan +-%.0f px (up to %.1f px/frame)",
            cameras,
            WIDTH,
            HEIGHT,
            units.size(),
            gop,
            scene.photo().getFileName(),
            scene.faces(),
            scene.smallestFace() * scene.scaleTo(WIDTH),
            scene.panX() * scene.scaleTo(WIDTH),
            speed),
        out,
        (long) cameras * units.size() * scene.faces());
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
