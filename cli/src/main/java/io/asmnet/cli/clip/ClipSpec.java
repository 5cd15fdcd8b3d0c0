package io.asmnet.cli.clip;

/**
 * How a test clip moves. Each photo becomes a segment of {@code frames} frames; over a segment the
 * photo pans, zooms and rotates in the image plane along smooth sinusoids whose frequencies and
 * phases are drawn from {@code seed} (so a spec and a face list give the same clip every time).
 *
 * @param frames frames per photo segment, at least 1
 * @param fps frames per second of the MP4 (also the time base of the motion)
 * @param width frame width in pixels, even (yuv420p needs even sizes)
 * @param height frame height in pixels, even
 * @param maxPanPx largest shift of the photo, pixels, along x and along y
 * @param minZoom smallest scale about the frame centre (1 = the photo fitted into the frame)
 * @param maxZoom largest scale, at least {@code minZoom}
 * @param maxRotationDeg largest in-plane rotation, degrees, in [0, 90]; positive is clockwise
 * @param seed seed of the motion's frequencies and phases
 * @param gopFrames H.264 keyframe interval, frames
 */
public record ClipSpec(
    int frames,
    int fps,
    int width,
    int height,
    double maxPanPx,
    double minZoom,
    double maxZoom,
    double maxRotationDeg,
    long seed,
    int gopFrames) {

  public ClipSpec {
    if (frames < 1 || fps < 1 || gopFrames < 1) {
      throw new IllegalArgumentException("frames, fps and gopFrames must be >= 1");
    }
    if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException(
          "frame size must be even and at least 16x16, got " + width + "x" + height);
    }
    if (!(maxPanPx >= 0) || !(minZoom > 0) || !(maxZoom >= minZoom) || maxZoom > 10) {
      throw new IllegalArgumentException("need maxPanPx >= 0 and 0 < minZoom <= maxZoom <= 10");
    }
    if (!(maxRotationDeg >= 0 && maxRotationDeg <= 90)) {
      throw new IllegalArgumentException("maxRotationDeg must be in [0, 90]");
    }
  }

  /** 150 frames (5 s) per photo at 30 fps, 640x480, pan 30 px, zoom 1-1.2, rotation 12 deg. */
  public static ClipSpec defaults() {
    return new ClipSpec(150, 30, 640, 480, 30, 1.0, 1.2, 12, 1L, 30);
  }

  /** This spec with another number of frames per segment. */
  public ClipSpec withFrames(int newFrames) {
    return new ClipSpec(
        newFrames, fps, width, height, maxPanPx, minZoom, maxZoom, maxRotationDeg, seed, gopFrames);
  }

  /** This spec with another frame size. */
  public ClipSpec withSize(int newWidth, int newHeight) {
    return new ClipSpec(
        frames,
        fps,
        newWidth,
        newHeight,
        maxPanPx,
        minZoom,
        maxZoom,
        maxRotationDeg,
        seed,
        gopFrames);
  }

  /** This spec with another seed. */
  public ClipSpec withSeed(long newSeed) {
    return new ClipSpec(
        frames, fps, width, height, maxPanPx, minZoom, maxZoom, maxRotationDeg, newSeed, gopFrames);
  }
}
