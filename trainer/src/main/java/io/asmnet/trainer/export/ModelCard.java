package io.asmnet.trainer.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the exported ONNX file says about itself (its metadata_props).
 *
 * @param name model name, e.g. "asmnet-68"
 * @param version model version string
 * @param trainingData which data trained it, e.g. "dlib examples (43 faces)" or "untrained"
 * @param pcaVarianceKept the ASM's fraction of shape variance kept (0.9), NaN when none
 * @param evaluation figures the caller measured (e.g. "nme_300w_full" -> "5.50"), in order
 */
public record ModelCard(
    String name,
    String version,
    String trainingData,
    double pcaVarianceKept,
    Map<String, String> evaluation) {
  public ModelCard {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(trainingData, "trainingData");
    evaluation = Map.copyOf(evaluation);
  }

  /** All metadata entries, evaluation figures prefixed with "eval.". */
  public Map<String, String> metadata() {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("model_name", name);
    props.put("model_version", version);
    props.put("training_data", trainingData);
    props.put(
        "pca_variance_kept",
        Double.isNaN(pcaVarianceKept) ? "none" : Double.toString(pcaVarianceKept));
    evaluation.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> props.put("eval." + e.getKey(), e.getValue()));
    return props;
  }
}
