package io.asmnet.trainer.cli;

import io.asmnet.trainer.data.ImageCache;
import io.asmnet.trainer.data.LabelledFace;
import io.asmnet.trainer.data.Sample;
import io.asmnet.trainer.data.SampleMaker;
import io.asmnet.trainer.eval.CheckpointPredictor;
import io.asmnet.trainer.eval.EvalReport;
import io.asmnet.trainer.eval.Evaluator;
import io.asmnet.trainer.eval.LandmarkPredictor;
import io.asmnet.trainer.eval.MeanShapePredictor;
import io.asmnet.trainer.eval.OnnxPredictor;
import io.asmnet.trainer.eval.Prediction;
import io.asmnet.trainer.eval.PredictionGrid;
import io.asmnet.trainer.eval.SubsetMetrics;
import io.asmnet.trainer.export.ModelContract;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trainer eval}: NME (outer-eye-corner distance), failure rate at 0.1 and pose MAE per
 * angle, per subset and overall, of a checkpoint (DJL), an ONNX model (ONNX Runtime) or the
 * mean-shape baseline, on unaugmented crops.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Scores a checkpoint, an ONNX model or the mean shape: NME, failure rate at 0.1, pose MAE.")
public final class EvalCommand implements Callable<Integer> {
  static final class Model {
    @Option(
        names = "--checkpoint",
        paramLabel = "DIR",
        description = "checkpoint folder written by 'asmnet train' (run by DJL)")
    Path checkpoint;

    @Option(
        names = "--model",
        paramLabel = "FILE.onnx",
        description = "ONNX file written by 'asmnet export' (run by ONNX Runtime)")
    Path onnx;

    @Option(
        names = "--mean-shape",
        description = "baseline: the mean shape and pose of --mean-of for every face")
    boolean meanShape;
  }

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Model model;

  @Option(
      names = "--data",
      paramLabel = "DATA",
      defaultValue = "starter-heldout",
      converter = DataSpec.Converter.class,
      description = "faces to score (see 'train --data'; default ${DEFAULT-VALUE})")
  DataSpec data;

  @Option(
      names = "--mean-of",
      paramLabel = "DATA",
      converter = DataSpec.Converter.class,
      description = {
        "training faces whose mean shape and pose is the baseline: scored by --mean-shape, and printed beside",
        "a model's figures (default: teacher for teacher-heldout, starter for starter-heldout; none otherwise,",
        "except starter for --mean-shape)"
      })
  DataSpec meanOf;

  @Option(
      names = "--rolled",
      paramLabel = "DEGREES",
      split = ",",
      defaultValue = "30,45",
      description = {
        "also score every subset with its faces turned in the image plane (face i by the i-th angle,",
        "cycling, alternately clockwise and anticlockwise), as subsets NAME-rolled; 0 for none (default ${DEFAULT-VALUE})"
      })
  List<Double> rolled;

  @Mixin StarterDirOption starter;

  @Option(names = "--report", paramLabel = "FILE.json", description = "JSON report to write")
  Path report;

  @Option(
      names = "--grid",
      paramLabel = "FILE.png",
      description = "PNG of crops with true (green) and predicted (red) points")
  Path grid;

  @Option(
      names = "--grid-faces",
      paramLabel = "N",
      defaultValue = "25",
      description = "faces drawn in the grid (default ${DEFAULT-VALUE})")
  int gridFaces;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "16",
      description = "default ${DEFAULT-VALUE}")
  int batchSize;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "0",
      description = "intra-op threads (0: engine default)")
  int threads;

  @Override
  public Integer call() throws Exception {
    InputPaths.requireDirectory(spec, "--checkpoint", model.checkpoint);
    InputPaths.requireFile(spec, "--model", model.onnx);
    if (threads > 0) {
      System.setProperty(
          "ai.djl.pytorch.num_threads", Integer.toString(threads)); // before DJL starts
    }
    Path cache = starter.cache();
    // An ONNX model is scored on crops made as its contract says, as the processor would serve it.
    double margin = model.onnx != null ? contractMargin(model.onnx) : SampleMaker.DEFAULT_MARGIN;
    SampleMaker maker = new SampleMaker(new ImageCache(1L << 30), margin);
    List<LabelledFace> faces = data.load(cache);
    if (faces.isEmpty()) {
      throw new IllegalArgumentException("no faces to evaluate in " + data);
    }
    Map<String, List<Sample>> bySubset = RolledFaces.crops(faces, maker, List.of());
    Map<String, List<Sample>> rolledSubsets = RolledFaces.rolledOnly(faces, maker, rolled);
    DataSpec baselineData = meanOf != null ? meanOf : defaultMeanOf();
    MeanShapePredictor baseline =
        baselineData == null
            ? null
            : new MeanShapePredictor(
                baselineData.load(cache).stream().map(f -> maker.make(f, null)).toList());
    PrintWriter out = spec.commandLine().getOut();
    Scores scores;
    if (model.checkpoint != null) {
      try (CheckpointPredictor predictor = new CheckpointPredictor(model.checkpoint)) {
        scores = score(model.checkpoint.toString(), predictor, bySubset, rolledSubsets);
      }
    } else if (model.onnx != null) {
      try (OnnxPredictor predictor = new OnnxPredictor(model.onnx, threads)) {
        scores = score(model.onnx.toString(), predictor, bySubset, rolledSubsets);
      }
    } else {
      if (baseline == null) {
        throw new IllegalArgumentException("--mean-shape needs --mean-of");
      }
      scores =
          score("mean shape of " + baseline.faces() + " faces", baseline, bySubset, rolledSubsets);
    }
    Evaluator.Result result = scores.plain();
    Evaluator.Result rolledResult = scores.rolled();
    EvalReport baselinePlain =
        baseline == null ? null : evaluate("mean", baseline, bySubset).report();
    EvalReport baselineRolled =
        baseline == null || rolledSubsets.isEmpty()
            ? null
            : evaluateRolled("mean", baseline, rolledSubsets).report();
    print(result.report(), baselinePlain, out);
    if (rolledResult != null) {
      out.println();
      print(rolledResult.report(), baselineRolled, out);
    }
    if (baseline != null) {
      out.printf(
          "mean shape and pose of %d faces of %s; 'x mean' is NME over the mean shape's%n",
          baseline.faces(), baselineData);
      out.flush();
    }
    if (report != null) {
      (rolledResult == null
              ? result.report()
              : result.report().with(rolledResult.report().subsets()))
          .writeJson(report);
    }
    if (grid != null) {
      writeGrid(bySubset, result.predictions());
    }
    return 0;
  }

  /**
   * The crop margin an exported model was trained with, or the default for a model without a
   * contract.
   */
  private double contractMargin(Path onnx) throws Exception {
    try (OnnxPredictor probe = new OnnxPredictor(onnx, 1)) {
      String value = probe.metadata().get(ModelContract.CROP_MARGIN_KEY);
      if (value == null) {
        spec.commandLine()
            .getErr()
            .printf(
                "%s has no crop contract (%s): scoring on crops of margin %.2f%n",
                onnx, ModelContract.CROP_MARGIN_KEY, SampleMaker.DEFAULT_MARGIN);
        return SampleMaker.DEFAULT_MARGIN;
      }
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            onnx + ": " + ModelContract.CROP_MARGIN_KEY + " is not a number: " + value);
      }
    }
  }

  /** The mean-shape baseline that goes with the evaluation data, or null. */
  private DataSpec defaultMeanOf() {
    return switch (data.kind()) {
      case TEACHER, TEACHER_HELDOUT -> DataSpec.parse("teacher");
      case STARTER, STARTER_HELDOUT -> DataSpec.parse("starter");
      default -> model.meanShape ? DataSpec.parse("starter") : null;
    };
  }

  /** The scores on the plain crops and, when there are any, on the rolled ones. */
  private record Scores(Evaluator.Result plain, Evaluator.Result rolled) {}

  private Scores score(
      String name,
      LandmarkPredictor predictor,
      Map<String, List<Sample>> plain,
      Map<String, List<Sample>> rolledSubsets) {
    return new Scores(
        evaluate(name, predictor, plain),
        rolledSubsets.isEmpty() ? null : evaluateRolled(name, predictor, rolledSubsets));
  }

  private Evaluator.Result evaluateRolled(
      String name, LandmarkPredictor predictor, Map<String, List<Sample>> bySubset) {
    return new Evaluator(batchSize)
        .evaluate(name, predictor, bySubset, Evaluator.FULL + RolledFaces.SUFFIX);
  }

  private Evaluator.Result evaluate(
      String name, LandmarkPredictor predictor, Map<String, List<Sample>> bySubset) {
    return new Evaluator(batchSize).evaluate(name, predictor, bySubset);
  }

  private void writeGrid(
      Map<String, List<Sample>> bySubset, Map<String, List<Prediction>> predictions)
      throws Exception {
    List<Sample> samples = new ArrayList<>();
    List<Prediction> predicted = new ArrayList<>();
    for (Map.Entry<String, List<Prediction>> e : predictions.entrySet()) {
      samples.addAll(bySubset.get(e.getKey()));
      predicted.addAll(e.getValue());
    }
    int n = Math.max(1, Math.min(gridFaces, samples.size()));
    PredictionGrid.write(
        grid, samples.subList(0, n), predicted.subList(0, n), (int) Math.ceil(Math.sqrt(n)));
  }

  /**
   * One line per subset, then the overall line; with a baseline, its NME and pose errors beside
   * each (in brackets) and the ratio of the NMEs.
   */
  static void print(EvalReport report, EvalReport baselineOrNull, PrintWriter out) {
    boolean b = baselineOrNull != null;
    out.printf(
        "%-22s %6s %8s%s %8s %8s %8s %8s%s%n",
        "subset",
        "faces",
        "NME %",
        b ? String.format(" %8s %7s", "mean %", "x mean") : "",
        "FR@0.1",
        "yaw",
        "pitch",
        "roll",
        b ? "   (mean's yaw / pitch / roll)" : "");
    List<SubsetMetrics> rows = new ArrayList<>(report.subsets());
    rows.add(report.overall());
    for (SubsetMetrics m : rows) {
      SubsetMetrics base =
          !b
              ? null
              : m == report.overall()
                  ? baselineOrNull.overall()
                  : baselineOrNull.subset(m.subset());
      out.printf(
          "%-22s %6d %8.2f%s %8.3f %8.2f %8.2f %8.2f%s%n",
          m.subset(),
          m.faces(),
          100 * m.nme(),
          base == null ? "" : String.format(" %8.2f %7.2f", 100 * base.nme(), m.nme() / base.nme()),
          m.failureRate(),
          m.yawMae(),
          m.pitchMae(),
          m.rollMae(),
          base == null
              ? ""
              : String.format(
                  "   (%.2f / %.2f / %.2f)", base.yawMae(), base.pitchMae(), base.rollMae()));
    }
    out.flush();
  }
}
