package io.asmnet.trainer.cli;

import io.asmnet.trainer.data.Augmentation;
import io.asmnet.trainer.data.DecodedImage;
import io.asmnet.trainer.data.ImageCache;
import io.asmnet.trainer.data.LabelledFace;
import io.asmnet.trainer.teacher.BlazeFaceBoxes;
import io.asmnet.trainer.teacher.DetectorFraming;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trainer crop-error}: the framing error of the processor's crop on detected faces, the
 * distribution {@code train --augment strong} draws its shift and scale from.
 */
@Command(
    name = "crop-error",
    mixinStandardHelpOptions = true,
    description = {
      "Measures how far BlazeFace's box, read as the processor reads it, puts the crop from the labelled",
      "landmarks' crop: centre error across and along the face and log scale error, in landmark extents."
    })
public final class CropErrorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DATA",
      defaultValue = "teacher",
      converter = DataSpec.Converter.class,
      description = "labelled faces (see 'train --data'; default ${DEFAULT-VALUE})")
  DataSpec data;

  @Mixin StarterDirOption starter;

  @Option(
      names = "--detector",
      paramLabel = "FILE.onnx",
      defaultValue = "models/blazeface/face_detection_back_256x256_barracuda.onnx",
      description = "BlazeFace full-range ONNX (default ${DEFAULT-VALUE})")
  Path detector;

  @Option(names = "--no-progress", description = "no progress bar")
  boolean noProgress;

  @Override
  public Integer call() throws Exception {
    InputPaths.requireFile(spec, "--detector", detector);
    List<LabelledFace> faces = data.load(starter.cache());
    Map<Path, List<LabelledFace>> byImage = new LinkedHashMap<>();
    faces.forEach(f -> byImage.computeIfAbsent(f.image(), k -> new java.util.ArrayList<>()).add(f));
    DetectorFraming framing = new DetectorFraming();
    try (BlazeFaceBoxes boxes = new BlazeFaceBoxes(detector);
        ProgressBar bar =
            !noProgress
                ? new ProgressBarBuilder()
                    .setTaskName("crop error")
                    .setInitialMax(byImage.size())
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .build()
                : null) {
      for (Map.Entry<Path, List<LabelledFace>> e : byImage.entrySet()) {
        DecodedImage photo = ImageCache.decode(e.getKey());
        List<BlazeFaceBoxes.Box> found = boxes.detect(photo);
        e.getValue().forEach(f -> framing.add(f, found));
        if (bar != null) {
          bar.step();
        }
      }
    }
    DetectorFraming.Summary s = framing.summary();
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        "%d faces detected, %d missed (IoU < 0.3), in %d photos%n",
        s.faces(), s.missed(), byImage.size());
    o.printf(
        "%-22s %8s %9s %8s %8s %11s%n",
        "residual (extents)", "median", "robust sd", "p5", "p95", "sd of span");
    row(o, "centre x (across)", s.dx());
    row(o, "centre y (down)", s.dy());
    row(o, "log scale", s.logScale());
    o.printf(
        "'train --augment strong' draws zero-mean normals of sd %.3f / %.3f / %.3f (Augmentation.DETECTOR_*)%n",
        Augmentation.DETECTOR_SHIFT_SD_X,
        Augmentation.DETECTOR_SHIFT_SD_Y,
        Augmentation.DETECTOR_LOG_SCALE_SD);
    o.flush();
    return 0;
  }

  private static void row(PrintWriter o, String name, DetectorFraming.Spread s) {
    o.printf(
        "%-22s %8.3f %9.3f %8.3f %8.3f %11.3f%n",
        name, s.median(), s.robustSd(), s.p5(), s.p95(), s.spanSd());
  }
}
