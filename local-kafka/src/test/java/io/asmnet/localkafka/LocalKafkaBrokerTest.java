package io.asmnet.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link LocalKafkaBroker#start} refuses before it launches anything. */
class LocalKafkaBrokerTest {

  @Test
  void shouldRefuseAPortInUse(@TempDir Path temp) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Path dataDir = temp.resolve("broker");
      BrokerOptions options =
          BrokerOptions.defaults().withPort(taken.getLocalPort()).withDataDir(dataDir);

      assertThatThrownBy(() -> LocalKafkaBroker.start(options))
          .isInstanceOf(BrokerStartException.class)
          .hasMessageContaining("Port " + taken.getLocalPort())
          .hasMessageContaining("already in use");
      assertThat(dataDir).doesNotExist();
    }
  }

  @Test
  void shouldRefuseADataDirThatIsNotEmpty(@TempDir Path temp) throws Exception {
    Files.writeString(temp.resolve("precious.txt"), "keep me");

    assertThatThrownBy(() -> LocalKafkaBroker.start(BrokerOptions.defaults().withDataDir(temp)))
        .isInstanceOf(BrokerStartException.class)
        .hasMessageContaining("not empty");
    assertThat(temp.resolve("precious.txt")).hasContent("keep me");
  }

  @Test
  void shouldRejectInvalidOptions() {
    BrokerOptions defaults = BrokerOptions.defaults();

    assertThatThrownBy(() -> defaults.withPort(70_000))
        .hasMessageContaining("port must be 0..65535");
    assertThatThrownBy(() -> defaults.withStartupTimeout(Duration.ZERO))
        .hasMessageContaining("startupTimeout must be positive");
  }

  @Test
  void shouldBindEveryListenerToLoopbackWithReplicationFactorOne(@TempDir Path temp) {
    String properties = new BrokerFiles(temp).serverProperties(9092, 9093);

    assertThat(properties)
        .contains("listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
        .contains("controller.quorum.bootstrap.servers=127.0.0.1:9093")
        .contains("transaction.state.log.replication.factor=1")
        .contains("transaction.state.log.min.isr=1")
        .contains("offsets.topic.num.partitions=1")
        .contains("group.initial.rebalance.delay.ms=0")
        .doesNotContain("0.0.0.0");
  }

  @Test
  void shouldKeepTheBrokerRecognisableInTheFirst4096BytesOfItsCommandLine(@TempDir Path temp) {
    BrokerFiles files = new BrokerFiles(temp);

    ProcessBuilder attached = BrokerLauncher.processBuilder(files, BrokerOptions.defaults());
    ProcessBuilder detached =
        BrokerLauncher.processBuilder(files, BrokerOptions.defaults().withDetached(true));

    String commandLine = String.join(" ", attached.command());
    assertThat(commandLine).hasSizeLessThan(4096);
    assertThat(commandLine).contains(BrokerMain.class.getName(), files.config().toString());
    assertThat(attached.environment()).containsKey("CLASSPATH");
    assertThat(attached.command()).endsWith(Long.toString(ProcessHandle.current().pid()));
    assertThat(detached.command()).doesNotContain(Long.toString(ProcessHandle.current().pid()));
  }

  @Test
  void shouldRoundTripTheStateFile(@TempDir Path temp) {
    StateFile file = new StateFile(temp.resolve("sub/9092.json"));
    BrokerState state =
        new BrokerState(42, 9092, 9093, "/d", "/d/server.properties", "/d/broker.log", 7);

    file.write(state);

    assertThat(file.read()).contains(state);
    file.delete();
    assertThat(file.read()).isEmpty();
  }
}
