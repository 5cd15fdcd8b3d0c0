package io.asmnet.trainer.data;

import java.nio.file.Path;

/**
 * A data set file that cannot be read as labelled faces: missing, malformed, or with the wrong
 * number of points. The message always names the file and, where known, the 1-based line.
 */
public final class DataFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Path file;
  private final int line;

  /**
   * @param file the offending file
   * @param line 1-based line number, or 0 when the problem is not tied to a line
   * @param message what is wrong
   * @param cause the underlying error, or null
   */
  public DataFileException(Path file, int line, String message, Throwable cause) {
    super(file + (line > 0 ? ":" + line : "") + ": " + message, cause);
    this.file = file;
    this.line = line;
  }

  public DataFileException(Path file, int line, String message) {
    this(file, line, message, null);
  }

  public Path file() {
    return file;
  }

  /** 1-based line, 0 when unknown. */
  public int line() {
    return line;
  }
}
