package io.asmnet.cli;

import picocli.CommandLine.Option;

/**
 * {@code --camera-id} and {@code --clip-id}: what every published frame is labelled with, shared by
 * the commands that publish frames ({@code publish}, {@code replay}, {@code demo}). Each command
 * passes its own default camera id; a clip id left out is the command's to choose.
 */
public final class CameraOptions {

  @Option(
      names = "--camera-id",
      paramLabel = "ID",
      description = "Camera id of the frames (the record key) (default: ${DEFAULT-VALUE}).")
  private String cameraId;

  @Option(
      names = "--clip-id",
      paramLabel = "ID",
      description =
          "Clip id copied into every frame, to tell one run's results from another's"
              + " (replay and demo make one up when it is left out).")
  private String clipId;

  /** Picocli's constructor; commands pass their default camera id. */
  public CameraOptions(String defaultCameraId) {
    this.cameraId = defaultCameraId;
  }

  public String cameraId() {
    return cameraId;
  }

  /** The clip id given, or null. */
  public String clipId() {
    return clipId;
  }

  /** A usage problem with these options, or null: ids must not be blank. */
  public String problem() {
    if (cameraId == null || cameraId.isBlank() || (clipId != null && clipId.isBlank())) {
      return "--camera-id and --clip-id must not be blank";
    }
    return null;
  }
}
