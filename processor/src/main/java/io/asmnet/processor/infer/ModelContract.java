package io.asmnet.processor.infer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the landmark model wants its faces cropped, as the model itself says in its ONNX metadata
 * (written by the trainer's exporter, {@code io.asmnet.trainer.export.ModelContract}): the crop is
 * the square of side {@code extent * (1 + 2 cropMargin)} centred on the landmarks' bounding box,
 * resized to {@code cropSize}, pixel centres at integer coordinates. Read once at load; a model
 * without it, or with values this processor cannot serve, is refused.
 *
 * @param cropSize crop side, pixels
 * @param cropMargin margin per side, fraction of the landmark box's longer side
 * @param points landmarks per face
 */
public record ModelContract(int cropSize, double cropMargin, int points) {
  static final String VERSION_KEY = "asmnet.contract.version";
  static final String CROP_SIZE_KEY = "asmnet.crop.size";
  static final String CROP_MARGIN_KEY = "asmnet.crop.margin";
  static final String INPUT_LAYOUT_KEY = "asmnet.input.layout";
  static final String POINTS_KEY = "asmnet.points";
  static final String PIXEL_CENTRE_KEY = "asmnet.pixel.centre";
  static final String POSE_KEY = "asmnet.pose";
  static final List<String> KEYS =
      List.of(
          VERSION_KEY,
          CROP_SIZE_KEY,
          CROP_MARGIN_KEY,
          INPUT_LAYOUT_KEY,
          POINTS_KEY,
          PIXEL_CENTRE_KEY,
          POSE_KEY);

  /** What this processor serves: the values a model must state. */
  static final String VERSION = "1";

  static final String INPUT_LAYOUT = "NHWC uint8 BGR 0-255";
  static final String PIXEL_CENTRE = "integer";
  static final String POSE = "yaw,pitch,roll degrees";

  public ModelContract {
    if (cropSize <= 0 || points <= 0) {
      throw new IllegalArgumentException(
          "crop size and points must be positive: " + cropSize + ", " + points);
    }
    if (!(cropMargin >= 0) || !Double.isFinite(cropMargin)) {
      throw new IllegalArgumentException("crop margin must be finite and >= 0: " + cropMargin);
    }
  }

  /**
   * The contract in {@code metadata} (the model's custom metadata).
   *
   * @throws ModelLoadException naming {@code file} and what is missing or unserved
   */
  static ModelContract read(Path file, Map<String, String> metadata) {
    List<String> missing = new ArrayList<>();
    for (String key : KEYS) {
      if (!metadata.containsKey(key)) {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      throw new ModelLoadException(
          "model "
              + file
              + " carries no crop contract: its metadata lacks "
              + missing
              + " (export it with this build's 'asmnet export', or add them with 'asmnet stamp-contract "
              + file
              + " --crop-margin M' giving the margin it was trained with)");
    }
    expect(file, metadata, VERSION_KEY, VERSION);
    expect(file, metadata, INPUT_LAYOUT_KEY, INPUT_LAYOUT);
    expect(file, metadata, PIXEL_CENTRE_KEY, PIXEL_CENTRE);
    expect(file, metadata, POSE_KEY, POSE);
    try {
      return new ModelContract(
          Integer.parseInt(metadata.get(CROP_SIZE_KEY).trim()),
          Double.parseDouble(metadata.get(CROP_MARGIN_KEY).trim()),
          Integer.parseInt(metadata.get(POINTS_KEY).trim()));
    } catch (IllegalArgumentException e) {
      throw new ModelLoadException(
          "model "
              + file
              + " has an unusable crop contract ("
              + CROP_SIZE_KEY
              + "="
              + metadata.get(CROP_SIZE_KEY)
              + ", "
              + CROP_MARGIN_KEY
              + "="
              + metadata.get(CROP_MARGIN_KEY)
              + ", "
              + POINTS_KEY
              + "="
              + metadata.get(POINTS_KEY)
              + "): "
              + e.getMessage(),
          e);
    }
  }

  private static void expect(Path file, Map<String, String> metadata, String key, String wanted) {
    String got = metadata.get(key);
    if (!wanted.equals(got)) {
      throw new ModelLoadException(
          "model "
              + file
              + " says "
              + key
              + "='"
              + got
              + "'; this processor serves only '"
              + wanted
              + "'");
    }
  }
}
