package io.asmnet.processor.cli;

import io.asmnet.processor.config.ConfigException;
import io.asmnet.processor.config.ProcessorConfig;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code topics}: creates the processor's missing topics from the same settings as {@code run}
 * ({@code topics.partitions}, {@code topics.replication.factor}, {@code topics.max.message.bytes},
 * {@code topics.frames.retention.ms}) and exits; the compose file's init container runs it.
 */
@Command(
    name = "topics",
    description = {
      "Creates the processor's missing topics (frames, pose events, dead letters) as 'run --set"
          + " topics.create=true' would, prints each, and exits. Topics that exist are left as they are.",
      "Settings as for run: defaults < --config file < ASMNET_* environment < --set and the options below."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the topics exist",
      "1:Kafka unreachable within --kafka-timeout or refused a topic",
      "2:bad configuration"
    })
public final class TopicsCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(TopicsCommand.class);

  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Mixin SettingsOptions settings = new SettingsOptions();

  private final Map<String, String> env;

  public TopicsCommand() {
    this(System.getenv());
  }

  TopicsCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    try {
      ProcessorConfig config = settings.load(env);
      List<TopicSpec> specs = TopicSpec.of(config);
      List<String> created = ProcessorApp.provisioner(config).ensure(specs, true);
      PrintWriter out = spec.commandLine().getOut();
      for (TopicSpec s : specs) {
        out.println(
            (created.contains(s.name()) ? "created " : "exists  ")
                + s.name()
                + (created.contains(s.name())
                    ? " (" + s.partitions() + " partitions, " + s.configs() + ")"
                    : ""));
      }
      out.flush();
      return RunCommand.OK;
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return RunCommand.BAD_CONFIG;
    } catch (KafkaUnavailableException e) {
      LOG.debug("Kafka unavailable", e);
      err.println(e.getMessage());
      return RunCommand.FAILED;
    }
  }
}
