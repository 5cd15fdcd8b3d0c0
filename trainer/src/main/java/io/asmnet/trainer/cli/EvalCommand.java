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
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    description = "Scores a checkpoint, an ONNX model or the mean shape: NME, failure rate at 0.1, pose MAE.")
public final class EvalCommand implements Callable<Integer> {
  static final class Model {
    @Option(names = "--checkpoint", paramLabel = "DIR", description = "checkpoint folder written by 'asmnet train' (run by DJL)")
    Path checkpoint;

    @Option(names = "--model", paramLabel = "FILE.onnx", description = "ONNX file written by 'asmnet export' (run by ONNX Runtime)")
    Path onnx;

    @Option(names = "--mean-shape", description = "baseline: the mean shape and pose of --mean-of for every face")
    boolean meanShape;
  }

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Model model;

  @Option(names = "--data", paramLabel = "DATA", defaultValue = "starter-heldout", converter = DataSpec.Converter.class,
      description = "faces to score (see 'train --data'; default ${DEFAULT-VALUE})")
  DataSpec data;

  @Option(names = "--mean-of", paramLabel = "DATA", defaultValue = "starter", converter = DataSpec.Converter.class,
      description = "training faces the --mean-shape baseline averages (default ${DEFAULT-VALUE})")
  DataSpec meanOf;

  @Mixin StarterDirOption starter;

  @Option(names = "--report", paramLabel = "FILE.json", description = "JSON report to write")
  Path report;

  @Option(names = "--grid", paramLabel = "FILE.png", description = "PNG of crops with true (green) and predicted (red) points")
  Path grid;

  @Option(names = "--grid-faces", paramLabel = "N", defaultValue = "25", description = "faces drawn in the grid (default ${DEFAULT-VALUE})")
  int gridFaces;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "16", description = "default ${DEFAULT-VALUE}")
  int batchSize;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "intra-op threads (0: engine default)")
  int threads;

  @Override
  public Integer call() throws Exception {
    InputPaths.requireDirectory(spec, "--checkpoint", model.checkpoint);
    InputPaths.requireFile(spec, "--model", model.onnx);
    if (threads > 0) {
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads)); // before DJL starts
    }
    Path cache = starter.cache();
    SampleMaker maker = new SampleMaker(new ImageCache(1L << 30));
    Map<String, List<Sample>> bySubset = new LinkedHashMap<>();
    for (LabelledFace face : data.load(cache)) {
      bySubset.computeIfAbsent(face.subset(), s -> new ArrayList<>()).add(maker.make(face, null));
    }
    if (bySubset.isEmpty()) {
      throw new IllegalArgumentException("no faces to evaluate in " + data);
    }
    Evaluator.Result result;
    if (model.checkpoint != null) {
      try (CheckpointPredictor predictor = new CheckpointPredictor(model.checkpoint)) {
        result = evaluate(model.checkpoint.toString(), predictor, bySubset);
      }
    } else if (model.onnx != null) {
      try (OnnxPredictor predictor = new OnnxPredictor(model.onnx, threads)) {
        result = evaluate(model.onnx.toString(), predictor, bySubset);
      }
    } else {
      List<Sample> training = meanOf.load(cache).stream().map(f -> maker.make(f, null)).toList();
      result = evaluate("mean shape of " + training.size() + " faces", new MeanShapePredictor(training), bySubset);
    }
    print(result.report(), spec.commandLine().getOut());
    if (report != null) {
      result.report().writeJson(report);
    }
    if (grid != null) {
      writeGrid(bySubset, result.predictions());
    }
    return 0;
  }

  private Evaluator.Result evaluate(String name, LandmarkPredictor predictor, Map<String, List<Sample>> bySubset) {
    return new Evaluator(batchSize).evaluate(name, predictor, bySubset);
  }

  private void writeGrid(Map<String, List<Sample>> bySubset, Map<String, List<Prediction>> predictions) throws Exception {
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

  /** One line per subset, then the overall line. */
  static void print(EvalReport report, PrintWriter out) {
    out.printf("%-14s %6s %8s %8s %8s %8s %8s%n", "subset", "faces", "NME %", "FR@0.1", "yaw", "pitch", "roll");
    List<SubsetMetrics> rows = new ArrayList<>(report.subsets());
    rows.add(report.overall());
    for (SubsetMetrics m : rows) {
      out.printf("%-14s %6d %8.2f %8.3f %8.2f %8.2f %8.2f%n", m.subset(), m.faces(), 100 * m.nme(),
          m.failureRate(), m.yawMae(), m.pitchMae(), m.rollMae());
    }
    out.flush();
  }
}
