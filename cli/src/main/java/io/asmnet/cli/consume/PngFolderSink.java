package io.asmnet.cli.consume;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes each rendered frame as {@code <camera>-<sequence, 8 digits>.png} into a folder. */
public final class PngFolderSink implements RenderSink {
  private final Path folder;
  private long written;

  /** Creates {@code folder} if needed. */
  public PngFolderSink(Path folder) throws IOException {
    Files.createDirectories(folder);
    this.folder = folder;
  }

  @Override
  public void write(String cameraId, long sequence, org.bytedeco.opencv.opencv_core.Mat bgr)
      throws IOException {
    String safeCamera = cameraId.replaceAll("[^A-Za-z0-9._-]", "_");
    Path file = folder.resolve(String.format("%s-%08d.png", safeCamera, sequence));
    if (!imwrite(file.toString(), bgr)) {
      throw new IOException("cannot write " + file);
    }
    written++;
  }

  @Override
  public long written() {
    return written;
  }

  @Override
  public void close() {
    // Each file is complete when written.
  }
}
