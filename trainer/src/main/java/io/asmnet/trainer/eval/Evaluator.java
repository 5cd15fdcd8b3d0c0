package io.asmnet.trainer.eval;

import io.asmnet.trainer.data.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a predictor over evaluation samples in batches and scores them per subset and overall. */
public final class Evaluator {
  /** Subset name of the all-faces metrics. */
  public static final String FULL = "full";

  private final int batchSize;

  /**
   * @param batchSize samples per {@link LandmarkPredictor#predict} call
   */
  public Evaluator(int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be positive");
    }
    this.batchSize = batchSize;
  }

  /** The predictions and the report, so callers can also draw a grid. */
  public record Result(EvalReport report, Map<String, List<Prediction>> predictions) {}

  /**
   * @param model a name for the report
   * @param bySubset evaluation samples (no augmentation) per subset, in report order
   */
  public Result evaluate(
      String model, LandmarkPredictor predictor, Map<String, List<Sample>> bySubset) {
    return evaluate(model, predictor, bySubset, FULL);
  }

  /**
   * As {@link #evaluate(String, LandmarkPredictor, Map)}, naming the all-faces line {@code
   * overallName}.
   */
  public Result evaluate(
      String model,
      LandmarkPredictor predictor,
      Map<String, List<Sample>> bySubset,
      String overallName) {
    List<SubsetMetrics> metrics = new ArrayList<>();
    Map<String, List<Prediction>> predictions = new LinkedHashMap<>();
    List<Sample> allSamples = new ArrayList<>();
    List<Prediction> allPredictions = new ArrayList<>();
    for (Map.Entry<String, List<Sample>> subset : bySubset.entrySet()) {
      List<Sample> samples = subset.getValue();
      if (samples.isEmpty()) {
        continue;
      }
      List<Prediction> predicted = predictAll(predictor, samples);
      metrics.add(SubsetMetrics.of(subset.getKey(), samples, predicted));
      predictions.put(subset.getKey(), predicted);
      allSamples.addAll(samples);
      allPredictions.addAll(predicted);
    }
    if (allSamples.isEmpty()) {
      throw new IllegalArgumentException("no samples to evaluate");
    }
    SubsetMetrics overall = SubsetMetrics.of(overallName, allSamples, allPredictions);
    return new Result(new EvalReport(model, metrics, overall), predictions);
  }

  private List<Prediction> predictAll(LandmarkPredictor predictor, List<Sample> samples) {
    List<Prediction> out = new ArrayList<>(samples.size());
    for (int from = 0; from < samples.size(); from += batchSize) {
      List<Sample> batch = samples.subList(from, Math.min(samples.size(), from + batchSize));
      List<Prediction> predicted = predictor.predict(batch);
      if (predicted.size() != batch.size()) {
        throw new IllegalStateException(
            "predictor returned " + predicted.size() + " predictions for " + batch.size());
      }
      out.addAll(predicted);
    }
    return out;
  }
}
