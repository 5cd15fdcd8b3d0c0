package io.asmnet.cli.publish;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The images of one folder (not its subfolders), sorted by file name, each decoded with OpenCV and
 * encoded by a {@link PictureEncoder}. Files of other types are ignored; an image that cannot be
 * decoded fails the source, naming the file. Timestamps: the picture's index times {@code
 * frameIntervalMicros}.
 */
public final class ImageFolderSource extends EncodingSource {
  private static final Set<String> EXTENSIONS =
      Set.of("jpg", "jpeg", "png", "bmp", "webp", "tif", "tiff", "ppm", "pgm", "pbm");

  private final Path folder;
  private final List<Path> images;
  private final long frameIntervalMicros;
  private int index;

  private ImageFolderSource(
      Path folder, List<Path> images, PictureEncoder encoder, long frameIntervalMicros) {
    super(encoder);
    this.folder = folder;
    this.images = images;
    this.frameIntervalMicros = frameIntervalMicros;
  }

  /**
   * Lists the images of {@code folder}.
   *
   * @param frameIntervalMicros the time between two pictures, for their timestamps
   * @throws IOException when the folder cannot be listed or holds no image
   */
  public static ImageFolderSource open(
      Path folder, PictureEncoder encoder, long frameIntervalMicros) throws IOException {
    List<Path> images;
    try (Stream<Path> files = Files.list(folder)) {
      images =
          files.filter(Files::isRegularFile).filter(ImageFolderSource::isImage).sorted().toList();
    }
    if (images.isEmpty()) {
      throw new IOException(
          "folder "
              + folder
              + " holds no images (looked for "
              + String.join(", ", EXTENSIONS.stream().sorted().toList())
              + ")");
    }
    return new ImageFolderSource(folder, images, encoder, frameIntervalMicros);
  }

  static boolean isImage(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  @Override
  protected boolean read(PictureSink sink) throws IOException {
    if (index >= images.size()) {
      return false;
    }
    Path image = images.get(index);
    long timestamp = index * frameIntervalMicros;
    index++;
    try (Mat bgr = imread(image.toString(), IMREAD_COLOR)) {
      if (bgr.empty()) {
        throw new IOException("cannot decode image " + image + " (corrupt or not an image)");
      }
      sink.accept(bgr, timestamp);
      return true;
    }
  }

  @Override
  public long size() {
    return images.size();
  }

  @Override
  public String describe() {
    return "folder " + folder + " (" + images.size() + " images)";
  }

  @Override
  protected void closeReader() {
    // Reads one file at a time: nothing held open.
  }
}
