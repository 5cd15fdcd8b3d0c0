package io.asmnet.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.processor.infer.TestModels;
import io.asmnet.processor.kafka.KafkaBrokerExtension;
import io.asmnet.processor.kafka.KafkaCluster;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code processor run} as a real process ({@link ChildProcessor}): its exit status after signals,
 * with an unreachable broker and with bad settings, and two instances on one host.
 */
@Tag("integration")
@Timeout(300)
@ExtendWith(KafkaBrokerExtension.class)
class RunProcessIT {
  @TempDir Path dir;

  private List<String> runArgs(KafkaCluster cluster, String appId, String suffix, Path stateDir) {
    return List.of(
        "run",
        "-b",
        cluster.bootstrapServers(),
        "--model",
        TestModels.require().toString(),
        "--set",
        "application.id=" + appId,
        "--set",
        "topic.frames=frames-" + suffix,
        "--set",
        "topic.pose.events=events-" + suffix,
        "--set",
        "topic.dead.letters=dlq-" + suffix,
        "--set",
        "topics.create=true",
        "--set",
        "topics.partitions=2",
        "--set",
        "inference.device=cpu",
        "--set",
        "metrics.port=0",
        "--set",
        "state.dir=" + stateDir);
  }

  /**
   * Both instances share the default state folder and the partitions; Ctrl-C stops one, SIGTERM the
   * other, each with exit status 0.
   */
  @Test
  void shouldShareThePartitionsBetweenTwoInstancesOnOneHostAndExitZeroOnSigintAndSigterm(
      KafkaCluster cluster) throws Exception {
    String appId = cluster.uniqueApplicationId();
    String suffix = appId.substring(appId.length() - 8);
    Path stateDir = dir.resolve("state");
    try (ChildProcessor first =
            ChildProcessor.start(
                dir, "first", Map.of(), runArgs(cluster, appId, suffix, stateDir));
        ChildProcessor second =
            ChildProcessor.start(
                dir, "second", Map.of(), runArgs(cluster, appId, suffix, stateDir))) {
      assertThat(first.awaitLog("-> RUNNING", Duration.ofSeconds(120))).as(first.stderr()).isTrue();
      assertThat(second.awaitLog("-> RUNNING", Duration.ofSeconds(120)))
          .as(second.stderr())
          .isTrue();

      List<Set<TopicPartition>> assignments = awaitTwoMembers(cluster, appId);
      assertThat(first.isAlive()).as(first.stderr()).isTrue();
      assertThat(second.isAlive()).as(second.stderr()).isTrue();
      assertThat(assignments).allSatisfy(a -> assertThat(a).hasSize(1));
      Set<TopicPartition> all =
          new TreeSet<>(java.util.Comparator.comparing(TopicPartition::toString));
      assignments.forEach(all::addAll);
      assertThat(all).hasSize(2);
      assertThat(first.stderr() + second.stderr()).doesNotContain("TaskCorruptedException");
      assertThat(stateDir.resolve("instance-0")).isDirectory();
      assertThat(stateDir.resolve("instance-1")).isDirectory();

      first.signal("INT");
      second.signal("TERM");

      assertThat(first.awaitExit(Duration.ofSeconds(60))).as(first.stderr()).isZero();
      assertThat(second.awaitExit(Duration.ofSeconds(60))).as(second.stderr()).isZero();
      assertThat(first.messageLines()).as(first.stderr()).isEmpty();
      assertThat(second.messageLines()).as(second.stderr()).isEmpty();
    }
    // A restart takes the lowest free slot again and starts from the stores it left there.
    try (ChildProcessor again =
        ChildProcessor.start(dir, "again", Map.of(), runArgs(cluster, appId, suffix, stateDir))) {
      assertThat(again.awaitLog("-> RUNNING", Duration.ofSeconds(120))).as(again.stderr()).isTrue();
      assertThat(again.stderr())
          .contains("Kafka Streams state in " + stateDir.resolve("instance-0"))
          .doesNotContain("TaskCorruptedException");
      again.signal("TERM");
      assertThat(again.awaitExit(Duration.ofSeconds(60))).as(again.stderr()).isZero();
    }
  }

  /**
   * Frames topic partitions of each member of the group, once it has two members with partitions.
   */
  private static List<Set<TopicPartition>> awaitTwoMembers(KafkaCluster cluster, String appId)
      throws Exception {
    try (Admin admin = Admin.create(cluster.clientConfig())) {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (true) {
        ConsumerGroupDescription group =
            admin.describeConsumerGroups(List.of(appId)).all().get().get(appId);
        List<Set<TopicPartition>> assigned = new ArrayList<>();
        for (MemberDescription m : group.members()) {
          Set<TopicPartition> frames =
              new TreeSet<>(java.util.Comparator.comparing(TopicPartition::toString));
          m.assignment().topicPartitions().stream()
              .filter(tp -> tp.topic().startsWith("frames-"))
              .forEach(frames::add);
          assigned.add(frames);
        }
        if (assigned.size() == 2 && assigned.stream().noneMatch(Set::isEmpty)) {
          return assigned;
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "group " + appId + " never had two members with partitions: " + group);
        }
        Thread.sleep(500);
      }
    }
  }

  @Test
  void shouldReportAnUnreachableBrokerInOneLineWithinTheKafkaTimeout() throws Exception {
    Path model = Files.write(dir.resolve("m.onnx"), new byte[] {1});
    String broker = "127.0.0.1:" + freePort();
    try (ChildProcessor child =
        ChildProcessor.start(
            dir,
            "unreachable",
            Map.of(),
            List.of(
                "run",
                "-b",
                broker,
                "--model",
                model.toString(),
                "--kafka-timeout",
                "2",
                "--set",
                "metrics.port=0"))) {
      // The old fixed 30 s admin timeout would not end within this.
      int code = child.awaitExit(Duration.ofSeconds(25));

      assertThat(code).as(child.stderr()).isEqualTo(1);
      assertThat(child.messageLines())
          .as(child.stderr())
          .containsExactly(
              "cannot reach the Kafka broker at "
                  + broker
                  + " within 2 s (is it running? --kafka-timeout / broker.timeout.s sets the wait)");
    }
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort(); // nothing listens there once closed
    }
  }

  static Stream<Arguments> badSettings() {
    return Stream.of(
        Arguments.of(List.of("--set", "commit.interval.ms=abc"), "commit.interval.ms: "),
        Arguments.of(List.of("--set", "kafka.security.protocol=BOGUS"), "security.protocol: "),
        Arguments.of(List.of("--set", "producer.acks=maybe"), "producer.acks: "),
        Arguments.of(
            List.of("--set", "metrics.bind=999.1.1.1"), "metrics.bind: cannot listen on 999.1.1.1"),
        Arguments.of(
            List.of("--set", "detector.model=/nowhere/face.onnx"),
            "detector.model: model file /nowhere/face.onnx does not exist"),
        Arguments.of(
            List.of("-b", "no-such-broker.invalid:9092"),
            "bootstrap.servers=no-such-broker.invalid:9092"));
  }

  @ParameterizedTest
  @MethodSource("badSettings")
  void shouldExitTwoWithOneLineOnABadSetting(List<String> setting, String message)
      throws Exception {
    assertBadSetting(setting, message);
  }

  @Test
  void shouldExitTwoWithOneLineWhenTheMetricsPortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertBadSetting(
          List.of("--set", "metrics.port=" + taken.getLocalPort()),
          "metrics.port: cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  private void assertBadSetting(List<String> setting, String message) throws Exception {
    Path model = Files.write(dir.resolve("m.onnx"), new byte[] {1});
    List<String> args =
        new ArrayList<>(List.of("run", "--model", model.toString(), "--kafka-timeout", "2"));
    args.addAll(setting);
    try (ChildProcessor child = ChildProcessor.start(dir, "bad", Map.of(), args)) {
      int code = child.awaitExit(Duration.ofSeconds(60));

      assertThat(code).as(child.stderr()).isEqualTo(2);
      List<String> lines = child.messageLines();
      assertThat(lines).as(child.stderr()).hasSize(1);
      assertThat(lines.get(0))
          .as(child.stderr())
          .startsWith("invalid configuration: ")
          .contains(message);
      assertThat(child.stderr() + child.stdout()).doesNotContain("\tat ", "Exception in thread");
    }
  }
}
