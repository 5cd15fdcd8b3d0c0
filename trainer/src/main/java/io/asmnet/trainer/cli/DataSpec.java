package io.asmnet.trainer.cli;

import io.asmnet.trainer.data.DlibXmlLoader;
import io.asmnet.trainer.data.LabelledFace;
import io.asmnet.trainer.data.Mat300WLPLoader;
import io.asmnet.trainer.data.Pts300WLoader;
import io.asmnet.trainer.data.StarterDataset;
import io.asmnet.trainer.data.WflwLoader;
import io.asmnet.trainer.teacher.FaceSource;
import io.asmnet.trainer.teacher.TeacherDataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;

/**
 * A set of labelled faces named on the command line: {@code starter} (the starter training split),
 * {@code starter-heldout} (its 25 held-out faces), {@code teacher} / {@code teacher-heldout} (the
 * committed teacher labels' training / held-out persons, docs/DATA.md; photos under the starter
 * cache and {@code $ASMNET_FACES_DIR} or {@code .cache/faces}), {@code dlib:FILE.xml}, {@code
 * 300w:DIR}, {@code wflw:ANNOTATIONS[,IMAGEROOT]}, {@code 300wlp:DIR} or {@code none}. Faces
 * without a pose label get one from {@code PoseFromLandmarks} when {@code SampleMaker} crops them.
 *
 * @param kind which loader reads it
 * @param path the file or folder ({@code null} for the starter sets and none)
 * @param imageRoot WFLW's image folder ({@code null}: the annotation file's folder)
 */
public record DataSpec(Kind kind, Path path, Path imageRoot) {
  /** The readers a spec can name. */
  public enum Kind {
    STARTER,
    STARTER_HELDOUT,
    TEACHER,
    TEACHER_HELDOUT,
    DLIB,
    W300,
    WFLW,
    W300LP,
    NONE
  }

  public DataSpec {
    boolean needsPath =
        kind != Kind.STARTER
            && kind != Kind.STARTER_HELDOUT
            && kind != Kind.TEACHER
            && kind != Kind.TEACHER_HELDOUT
            && kind != Kind.NONE;
    if (needsPath != (path != null)) {
      throw new IllegalArgumentException(kind + (needsPath ? " needs a path" : " takes no path"));
    }
    if (imageRoot != null && kind != Kind.WFLW) {
      throw new IllegalArgumentException("only wflw takes an image root");
    }
  }

  /** Parses the command-line form; the message lists the accepted forms on error. */
  public static DataSpec parse(String text) {
    String t = text.strip();
    switch (t) {
      case "starter":
        return new DataSpec(Kind.STARTER, null, null);
      case "starter-heldout":
        return new DataSpec(Kind.STARTER_HELDOUT, null, null);
      case "teacher":
        return new DataSpec(Kind.TEACHER, null, null);
      case "teacher-heldout":
        return new DataSpec(Kind.TEACHER_HELDOUT, null, null);
      case "none":
        return new DataSpec(Kind.NONE, null, null);
      default:
        break;
    }
    int colon = t.indexOf(':');
    String rest = colon < 0 ? "" : t.substring(colon + 1);
    if (colon <= 0 || rest.isBlank()) {
      throw new IllegalArgumentException(usage(text));
    }
    switch (t.substring(0, colon)) {
      case "dlib":
        return new DataSpec(Kind.DLIB, Path.of(rest), null);
      case "300w":
        return new DataSpec(Kind.W300, Path.of(rest), null);
      case "300wlp":
        return new DataSpec(Kind.W300LP, Path.of(rest), null);
      case "wflw":
        {
          int comma = rest.indexOf(',');
          return comma < 0
              ? new DataSpec(Kind.WFLW, Path.of(rest), null)
              : new DataSpec(
                  Kind.WFLW, Path.of(rest.substring(0, comma)), Path.of(rest.substring(comma + 1)));
        }
      default:
        throw new IllegalArgumentException(usage(text));
    }
  }

  /** The command-line form, as {@link #parse} reads it. */
  @Override
  public String toString() {
    return switch (kind) {
      case STARTER -> "starter";
      case STARTER_HELDOUT -> "starter-heldout";
      case TEACHER -> "teacher";
      case TEACHER_HELDOUT -> "teacher-heldout";
      case NONE -> "none";
      case DLIB -> "dlib:" + path;
      case W300 -> "300w:" + path;
      case W300LP -> "300wlp:" + path;
      case WFLW -> "wflw:" + path + (imageRoot == null ? "" : "," + imageRoot);
    };
  }

  private static String usage(String text) {
    return "unknown data set '"
        + text
        + "': use starter, starter-heldout, teacher, teacher-heldout, none, dlib:FILE.xml, "
        + "300w:DIR, wflw:ANNOTATIONS[,IMAGEROOT] or 300wlp:DIR";
  }

  /**
   * Reads the faces (an empty list for {@code none}).
   *
   * @param starterCache where the starter set is (fetched there when missing)
   */
  public List<LabelledFace> load(Path starterCache) {
    return switch (kind) {
      case STARTER -> StarterDataset.fetchAndLoad(starterCache).train();
      case STARTER_HELDOUT -> StarterDataset.fetchAndLoad(starterCache).heldOut();
      case TEACHER -> TeacherDataset.load(null, teacherRoots(starterCache), FaceSource.TRAIN);
      case TEACHER_HELDOUT ->
          TeacherDataset.load(null, teacherRoots(starterCache), FaceSource.HELD_OUT);
      case DLIB -> DlibXmlLoader.load(path);
      case W300 -> Pts300WLoader.load(path);
      case WFLW -> WflwLoader.load(path, imageRoot != null ? imageRoot : parentOf(path), "wflw");
      case W300LP -> Mat300WLPLoader.load(path);
      case NONE -> List.of();
    };
  }

  /** dlib's examples folder (fetched when missing) and the extra sources' cache. */
  private static Map<String, Path> teacherRoots(Path starterCache) {
    String env = System.getenv("ASMNET_FACES_DIR");
    Path faces = env != null && !env.isBlank() ? Path.of(env) : Path.of(".cache", "faces");
    return Map.of("dlib", StarterDataset.locateOrFetch(starterCache), "faces", faces);
  }

  private static Path parentOf(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent != null ? parent : Path.of(".");
  }

  /** Picocli converter for options of this type. */
  public static final class Converter implements ITypeConverter<DataSpec> {
    @Override
    public DataSpec convert(String value) {
      return parse(value);
    }
  }
}
