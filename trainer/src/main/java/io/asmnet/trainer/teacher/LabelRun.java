package io.asmnet.trainer.teacher;

import ai.onnxruntime.OrtException;
import io.asmnet.trainer.data.ImageCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Teacher-labels every photo and sampled frame of a manifest, in manifest order (so the output is
 * deterministic), with a progress bar on stderr. Videos are sampled by {@link FrameSampler} into
 * {@code ROOT/frames/STEM/} first.
 */
public final class LabelRun {
  /** A photo or frame to label. */
  public record Item(
      String image, Path file, String video, int frame, String person, String split) {}

  /** Counts of one person. */
  public record Tally(
      String person, String split, int images, Map<FaceLabeller.Fate, Integer> fates) {}

  /** The labels and the counts per person (manifest order). */
  public record Result(List<TeacherLabel> labels, List<Tally> tallies) {}

  private final Map<String, Path> roots;

  /**
   * @param roots folder of each root name the manifest uses
   */
  public LabelRun(Map<String, Path> roots) {
    this.roots = Map.copyOf(roots);
  }

  /** The photos and frames of the sources (sampling videos whose frames are not there yet). */
  public List<Item> items(List<FaceSource> sources) throws IOException {
    List<Item> items = new ArrayList<>();
    FrameSampler sampler = new FrameSampler();
    for (FaceSource s : sources) {
      Path root = root(s.root());
      if (!s.video()) {
        items.add(new Item(s.key(), root.resolve(s.path()), null, -1, s.person(), s.split()));
        continue;
      }
      String name = Path.of(s.path()).getFileName().toString();
      String stem = name.substring(0, name.lastIndexOf('.'));
      for (FrameSampler.Sampled f :
          sampler.sample(
              root.resolve(s.path()), s.stride(), root.resolve("frames").resolve(stem))) {
        String rel = "frames/" + stem + "/" + f.png().getFileName();
        items.add(
            new Item(s.root() + ":" + rel, f.png(), s.key(), f.frame(), s.person(), s.split()));
      }
    }
    return items;
  }

  /**
   * @param dlib dlib's faces per photo (absolute, normalised path); photos without are FaceMesh
   *     only
   * @param progress whether to show the bar
   */
  public Result label(
      List<Item> items, FaceLabeller labeller, Map<Path, List<float[]>> dlib, boolean progress)
      throws OrtException {
    List<TeacherLabel> labels = new ArrayList<>();
    Map<String, Tally> tallies = new LinkedHashMap<>();
    ProgressBar bar =
        progress
            ? new ProgressBarBuilder()
                .setTaskName("label")
                .setInitialMax(items.size())
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build()
            : null;
    try {
      for (Item item : items) {
        List<float[]> faces =
            dlib.getOrDefault(item.file().toAbsolutePath().normalize(), List.of());
        List<FaceLabeller.Outcome> outcomes = labeller.label(ImageCache.decode(item.file()), faces);
        Tally t =
            tallies.computeIfAbsent(
                item.person(),
                p -> new Tally(p, item.split(), 0, new EnumMap<>(FaceLabeller.Fate.class)));
        Map<FaceLabeller.Fate, Integer> fates = t.fates();
        int face = 0;
        for (FaceLabeller.Outcome o : outcomes) {
          fates.merge(o.fate(), 1, Integer::sum);
          if (o.label().isPresent()) {
            labels.add(
                new TeacherLabel(
                    item.image(),
                    item.video(),
                    item.frame(),
                    item.person(),
                    item.split(),
                    face++,
                    o.label().get()));
          }
        }
        tallies.put(item.person(), new Tally(t.person(), t.split(), t.images() + 1, fates));
        if (bar != null) {
          bar.step();
          bar.setExtraMessage(" " + item.person());
        }
      }
    } finally {
      if (bar != null) {
        bar.close();
      }
    }
    return new Result(labels, List.copyOf(tallies.values()));
  }

  private Path root(String name) {
    Path p = roots.get(name);
    if (p == null) {
      throw new IllegalArgumentException(
          "no folder given for root '" + name + "' (--root " + name + "=DIR)");
    }
    return p;
  }
}
