package io.asmnet.processor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code processor} command line (the container's entry point): {@code run} starts the Kafka
 * Streams app, {@code topics} creates its topics.
 */
@Command(
    name = "processor",
    mixinStandardHelpOptions = true,
    version = "asmnet-processor 0.1.0",
    description = "Real-time face landmarks and head pose for video frames on Kafka.",
    subcommands = {CommandLine.HelpCommand.class})
public final class ProcessorCommand {

  public static void main(String[] args) {
    System.exit(commandLine(new RunCommand()).execute(args));
  }

  /** The command line with {@code run} backed by the given instance (tests pass their own). */
  public static CommandLine commandLine(RunCommand run) {
    CommandLine sub = new CommandLine(run);
    sub.getCommandSpec().usageMessage().footer(RunCommand.settingsFooter());
    return new CommandLine(new ProcessorCommand())
        .addSubcommand("run", sub)
        .addSubcommand("topics", new TopicsCommand());
  }
}
