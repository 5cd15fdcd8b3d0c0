package io.asmnet.trainer.export;

import io.asmnet.trainer.data.Sample;
import io.asmnet.trainer.data.SampleMaker;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The training/serving contract an exported model carries in its ONNX {@code metadata_props}: how
 * the crops it was trained on were made ({@link SampleMaker}) and what its tensors hold, so a
 * server crops as the trainer did without a copy of the trainer's constants. The processor reads
 * and checks these keys at load and refuses a model without them.
 *
 * <ul>
 *   <li>{@value #VERSION_KEY}: {@value #VERSION} (this key set);
 *   <li>{@value #CROP_SIZE_KEY}: side of the square crop, pixels (224);
 *   <li>{@value #CROP_MARGIN_KEY}: margin per side as a fraction of the landmark box's longer side;
 *       the crop is the square of side {@code extent * (1 + 2 margin)} centred on the landmarks'
 *       bounding box;
 *   <li>{@value #INPUT_LAYOUT_KEY}: {@value #INPUT_LAYOUT} (the graph does cast, RGB, /255, NCHW);
 *   <li>{@value #POINTS_KEY}: landmarks per face;
 *   <li>{@value #PIXEL_CENTRE_KEY}: {@value #PIXEL_CENTRE}: pixel centres at integer coordinates,
 *       {@code x_crop = (x - cx) * size / side + (size - 1) / 2}, the same for y;
 *   <li>{@value #POSE_KEY}: {@value #POSE}, the crop's own roll (a turned crop adds its turn).
 * </ul>
 *
 * @param cropSize crop side, pixels
 * @param cropMargin margin per side, fraction of the landmark box's longer side (>= 0)
 * @param points landmarks per face
 */
public record ModelContract(int cropSize, double cropMargin, int points) {
  public static final String VERSION_KEY = "asmnet.contract.version";
  public static final String CROP_SIZE_KEY = "asmnet.crop.size";
  public static final String CROP_MARGIN_KEY = "asmnet.crop.margin";
  public static final String INPUT_LAYOUT_KEY = "asmnet.input.layout";
  public static final String POINTS_KEY = "asmnet.points";
  public static final String PIXEL_CENTRE_KEY = "asmnet.pixel.centre";
  public static final String POSE_KEY = "asmnet.pose";
  public static final String VERSION = "1";
  public static final String INPUT_LAYOUT = "NHWC uint8 BGR 0-255";
  public static final String PIXEL_CENTRE = "integer";
  public static final String POSE = "yaw,pitch,roll degrees";

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
   * The contract of a model of {@code points} landmarks trained on {@link SampleMaker} crops of
   * {@code cropMargin}.
   */
  public static ModelContract trainedWith(int points, double cropMargin) {
    return new ModelContract(Sample.SIZE, cropMargin, points);
  }

  /** The metadata entries, in a fixed order. */
  public Map<String, String> metadata() {
    Map<String, String> props = new LinkedHashMap<>();
    props.put(VERSION_KEY, VERSION);
    props.put(CROP_SIZE_KEY, Integer.toString(cropSize));
    props.put(CROP_MARGIN_KEY, Double.toString(cropMargin));
    props.put(INPUT_LAYOUT_KEY, INPUT_LAYOUT);
    props.put(POINTS_KEY, Integer.toString(points));
    props.put(PIXEL_CENTRE_KEY, PIXEL_CENTRE);
    props.put(POSE_KEY, POSE);
    return props;
  }
}
