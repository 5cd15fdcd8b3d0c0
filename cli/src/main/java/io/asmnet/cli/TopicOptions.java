package io.asmnet.cli;

import picocli.CommandLine.Option;

/**
 * The three topic names of the pipeline, as options shared by the commands that read them ({@code
 * consume}, {@code replay}); the defaults are the processor's.
 */
public final class TopicOptions {

  @Option(
      names = "--frames-topic",
      paramLabel = "TOPIC",
      defaultValue = "frames",
      description = "Frames topic (default: ${DEFAULT-VALUE}).")
  private String frames;

  @Option(
      names = {"--events-topic", "-t", "--topic"},
      paramLabel = "TOPIC",
      defaultValue = "pose-events",
      description = "Pose events topic (default: ${DEFAULT-VALUE}).")
  private String events;

  @Option(
      names = "--dead-letter-topic",
      paramLabel = "TOPIC",
      defaultValue = "frames-dlq",
      description = "Dead-letter topic (default: ${DEFAULT-VALUE}).")
  private String deadLetters;

  public String frames() {
    return frames;
  }

  public String events() {
    return events;
  }

  public String deadLetters() {
    return deadLetters;
  }
}
