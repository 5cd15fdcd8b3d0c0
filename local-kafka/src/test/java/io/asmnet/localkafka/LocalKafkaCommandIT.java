package io.asmnet.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** start, status, stop of a detached broker, through the command as a user runs it. */
@Tag("integration")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LocalKafkaCommandIT {

  @TempDir Path temp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine command = new CommandLine(new LocalKafkaCommand());
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  @AfterEach
  void stopWhatATestLeftRunning() {
    // The broker is detached: a failed assertion must not leave it running after the test JVM.
    if (Files.exists(stateFile())) {
      execute("stop", "--state-file", stateFile().toString());
    }
  }

  private Path stateFile() {
    return temp.resolve("kafka.json");
  }

  @Test
  void shouldStartReportAndStopADetachedBroker() {
    // given
    Path dataDir = temp.resolve("data");
    String state = stateFile().toString();

    // when: start
    int started =
        execute("start", "--port", "0", "--data-dir", dataDir.toString(), "--state-file", state);

    // then
    assertThat(started).as(err.toString()).isZero();
    String bootstrap = out.toString().trim();
    assertThat(bootstrap).matches("127\\.0\\.0\\.1:\\d+");
    BrokerState recorded = new StateFile(stateFile()).read().orElseThrow();
    ProcessHandle process = ProcessHandle.of(recorded.pid()).orElseThrow();
    assertThat(process.isAlive()).isTrue();
    assertThat(recorded.bootstrapServers()).isEqualTo(bootstrap);
    assertThat(dataDir.resolve("broker.log")).content().contains(BrokerLog.STARTED);

    // when: status
    assertThat(execute("status", "--state-file", state)).isZero();
    assertThat(out.toString()).contains("running: pid " + recorded.pid()).contains(bootstrap);

    // when: stop
    assertThat(execute("stop", "--state-file", state)).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Stopped Kafka broker pid " + recorded.pid());
    assertThat(process.isAlive()).isFalse();
    assertThat(dataDir).doesNotExist();
    assertThat(stateFile()).doesNotExist();

    // when: status again
    assertThat(execute("status", "--state-file", state)).isEqualTo(3);
    assertThat(out.toString()).startsWith("not running");
  }

  @Test
  void shouldReportABrokerThatDiesWhileRunInTheForeground() throws Exception {
    // given: run blocks, so it runs on its own thread
    Path dataDir = temp.resolve("run-data");
    String state = stateFile().toString();
    CompletableFuture<Integer> run =
        CompletableFuture.supplyAsync(
            () ->
                execute(
                    "run", "--port", "0", "--data-dir", dataDir.toString(), "--state-file", state));
    BrokerState recorded = awaitStateFile();

    // when: the broker dies on its own
    ProcessHandle.of(recorded.pid()).orElseThrow().destroyForcibly();

    // then
    assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(err.toString()).contains("Kafka broker exited unexpectedly");
    assertThat(dataDir).doesNotExist();
    assertThat(stateFile()).doesNotExist();
  }

  private BrokerState awaitStateFile() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      Optional<BrokerState> state = new StateFile(stateFile()).read();
      if (state.isPresent()) {
        return state.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("run wrote no state file within 90 s: " + err);
  }
}
