package io.asmnet.processor.config;

import io.asmnet.processor.decode.FfmpegLogLevel;
import io.asmnet.processor.detect.Cascade;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads typed values out of the merged key/value map, collecting a message per bad value. */
final class Fields {
  private static final Pattern HOST_PORT =
      Pattern.compile("(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9._-]+):([0-9]{1,5})");
  // Kafka's own rule for topic names.
  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  private final Map<String, String> values;
  private final List<String> problems;

  Fields(Map<String, String> values, List<String> problems) {
    this.values = values;
    this.problems = problems;
  }

  String text(String key) {
    String v = values.get(key);
    if (v == null || v.isBlank()) {
      problems.add(key + ": must not be empty");
      return "";
    }
    return v.trim();
  }

  int intIn(String key, int min, int max) {
    return (int) longIn(key, min, max);
  }

  long longIn(String key, long min, long max) {
    String v = text(key);
    try {
      long n = Long.parseLong(v);
      if (n < min || n > max) {
        problems.add(key + ": " + n + " is out of range, use a value from " + min + " to " + max);
        return min;
      }
      return n;
    } catch (NumberFormatException e) {
      if (!v.isEmpty()) {
        problems.add(key + ": '" + v + "' is not a whole number");
      }
      return min;
    }
  }

  double doubleIn(String key, double min, double max) {
    String v = text(key);
    try {
      double n = Double.parseDouble(v);
      if (!(n >= min && n <= max)) {
        problems.add(key + ": " + v + " is out of range, use a value from " + min + " to " + max);
        return min;
      }
      return n;
    } catch (NumberFormatException e) {
      if (!v.isEmpty()) {
        problems.add(key + ": '" + v + "' is not a number");
      }
      return min;
    }
  }

  DetectorKind detector(String key) {
    String v = oneOf(key, "blazeface", "haar");
    return "haar".equals(v) ? DetectorKind.HAAR : DetectorKind.BLAZEFACE;
  }

  boolean bool(String key) {
    String v = oneOf(key, "true", "false");
    return Boolean.parseBoolean(v);
  }

  String oneOf(String key, String... allowed) {
    String v = text(key);
    if (!v.isEmpty() && !Arrays.asList(allowed).contains(v)) {
      problems.add(key + ": '" + v + "' is not one of " + String.join(", ", allowed));
    }
    return v;
  }

  /** A cascade by its lower-case enum name, e.g. {@code haar_frontal_default}. */
  Cascade cascade(String key) {
    String[] names =
        Arrays.stream(Cascade.values()).map(Fields::cascadeName).toArray(String[]::new);
    String v = oneOf(key, names);
    for (Cascade c : Cascade.values()) {
      if (cascadeName(c).equals(v)) {
        return c;
      }
    }
    return Cascade.HAAR_FRONTAL_DEFAULT; // only reached with a problem already reported
  }

  /** An FFmpeg log level by FFmpeg's name, e.g. {@code error}. */
  FfmpegLogLevel ffmpegLogLevel(String key) {
    String[] names =
        Arrays.stream(FfmpegLogLevel.values())
            .map(FfmpegLogLevel::settingName)
            .toArray(String[]::new);
    String v = oneOf(key, names);
    for (FfmpegLogLevel level : FfmpegLogLevel.values()) {
      if (level.settingName().equals(v)) {
        return level;
      }
    }
    return FfmpegLogLevel.ERROR; // only reached with a problem already reported
  }

  static String cascadeName(Cascade cascade) {
    return cascade.name().toLowerCase(Locale.ROOT);
  }

  InferenceDevice device(String key) {
    String v = oneOf(key, "auto", "cpu", "cuda");
    try {
      return InferenceDevice.parse(v);
    } catch (IllegalArgumentException e) {
      return InferenceDevice.AUTO;
    }
  }

  String topic(String key) {
    String v = text(key);
    if (!v.isEmpty() && !TOPIC.matcher(v).matches()) {
      problems.add(
          key
              + ": '"
              + v
              + "' is not a valid topic name (letters, digits, '.', '_', '-'; at most 249)");
    }
    return v;
  }

  String bootstrapServers(String key) {
    String v = text(key);
    for (String server : v.split(",", -1)) {
      var m = HOST_PORT.matcher(server.trim());
      if (!m.matches()
          || Integer.parseInt(m.group(2)) < 1
          || Integer.parseInt(m.group(2)) > 65535) {
        if (!v.isEmpty()) {
          problems.add(
              key
                  + ": '"
                  + server.trim()
                  + "' is not host:port (expected e.g. broker1:9092,broker2:9092)");
        }
        break;
      }
    }
    return v;
  }

  /** {@code bundled}, or a model file (checked only when {@code used}). */
  String bundledOrModel(String key, boolean used) {
    String v = text(key);
    if (used && !v.isEmpty() && !"bundled".equals(v)) {
      model(key);
    }
    return v;
  }

  /** A directory that exists or can be created (checked when it is used). */
  Path directory(String key) {
    String v = text(key);
    Path p = Path.of(v);
    if (!v.isEmpty() && Files.exists(p) && !Files.isDirectory(p)) {
      problems.add(key + ": " + p.toAbsolutePath() + " is not a directory");
    }
    return p;
  }

  Path model(String key) {
    String v = text(key);
    Path p = Path.of(v);
    if (v.isEmpty()) {
      return p;
    }
    if (!Files.exists(p)) {
      problems.add(
          key
              + ": model file "
              + p.toAbsolutePath()
              + " does not exist ("
              + (key.startsWith("detector")
                  ? "use 'bundled' for the BlazeFace network inside the processor, or set detector=haar"
                  : "export one with the trainer, or point --model at an .onnx file")
              + ")");
    } else if (!Files.isRegularFile(p)) {
      problems.add(key + ": " + p.toAbsolutePath() + " is not a file");
    } else if (!Files.isReadable(p)) {
      problems.add(
          key
              + ": model file "
              + p.toAbsolutePath()
              + " is not readable by this user (check its permissions)");
    }
    return p;
  }
}
