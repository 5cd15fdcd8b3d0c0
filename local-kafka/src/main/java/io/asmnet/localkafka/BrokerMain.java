package io.asmnet.localkafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the broker's own JVM, started by {@link LocalKafkaBroker}: formats the KRaft
 * storage on the first start (in this JVM, which saves a second JVM start of ~2 s), optionally
 * watches the parent process, then runs {@code kafka.Kafka}.
 *
 * <p>Arguments: {@code <server.properties> <clusterId> [parentPid]}. With a parent pid the broker
 * exits (gracefully, through Kafka's own shutdown hook) as soon as that process is gone, even when
 * the parent was killed with SIGKILL and its shutdown hooks never ran.
 */
public final class BrokerMain {

  private static final Logger LOG = LoggerFactory.getLogger(BrokerMain.class);

  private BrokerMain() {}

  public static void main(String[] args) {
    if (args.length < 2 || args.length > 3) {
      LOG.error("usage: BrokerMain <server.properties> <clusterId> [parentPid]");
      System.exit(2);
    }
    Path config = Path.of(args[0]);
    if (!Files.exists(BrokerFiles.metaPropertiesOf(config))) {
      int formatted =
          kafka.tools.StorageTool.execute(
              new String[] {"format", "--standalone", "-t", args[1], "-c", args[0]}, System.out);
      if (formatted != 0) {
        LOG.error("Formatting the KRaft storage failed (exit code {})", formatted);
        System.exit(formatted);
      }
    }
    if (args.length == 3) {
      exitWithParent(Long.parseLong(args[2]));
    }
    kafka.Kafka.main(new String[] {args[0]});
  }

  private static void exitWithParent(long parentPid) {
    Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
    if (parent.isEmpty()) {
      LOG.error("Parent process {} is already gone: not starting the broker", parentPid);
      System.exit(1);
    }
    parent
        .get()
        .onExit()
        .thenRun(
            () -> {
              LOG.warn("Parent process {} exited: stopping the broker", parentPid);
              System.exit(0);
            });
  }
}
