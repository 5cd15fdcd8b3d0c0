package io.asmnet.trainer.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** File-system helpers shared by the loaders of folder-based data sets. */
final class DataFiles {
  private static final List<String> IMAGE_EXTENSIONS = List.of(".jpg", ".png", ".jpeg");

  private DataFiles() {}

  /** Every regular file under root whose name ends with the extension, sorted by path. */
  static List<Path> find(Path root, String extension) {
    if (!Files.isDirectory(root)) {
      throw new DataFileException(root, 0, "not a folder");
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new DataFileException(root, 0, "cannot list: " + e.getMessage(), e);
    }
  }

  /** The photo with the same base name as a label file (.jpg, .png or .jpeg). */
  static Path imageNextTo(Path labelFile) {
    String name = labelFile.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot < 0 ? name : name.substring(0, dot);
    for (String ext : IMAGE_EXTENSIONS) {
      Path candidate = labelFile.resolveSibling(base + ext);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new DataFileException(labelFile, 0, "no image " + base + ".jpg/.png next to it");
  }

  /** The folder of a file relative to root, with '/' separators ("" for root itself). */
  static String folderOf(Path root, Path file) {
    Path parent = root.relativize(file.toAbsolutePath().normalize().getParent());
    return parent.toString().replace('\\', '/');
  }

  static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (NoSuchFileException e) {
      throw new DataFileException(file, 0, "file not found", e);
    } catch (IOException e) {
      throw new DataFileException(file, 0, "cannot read: " + e.getMessage(), e);
    }
  }
}
