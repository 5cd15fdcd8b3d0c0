package io.asmnet.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command's answers that need no broker: help, usage errors, nothing or a stale pid recorded.
 */
class LocalKafkaCommandTest {

  @TempDir Path temp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine command = new CommandLine(new LocalKafkaCommand());
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  @Test
  void shouldListTheSubcommandsInTheHelp() {
    assertThat(execute("--help")).isZero();
    assertThat(out.toString()).contains("start", "stop", "status", "run", "Exit codes");
  }

  @Test
  void shouldExitWithTwoOnUsageErrors() {
    assertThat(execute()).isEqualTo(2);
    assertThat(err.toString()).contains("Missing subcommand");
    assertThat(execute("start", "--port", "not-a-number")).isEqualTo(2);
    assertThat(execute("launch")).isEqualTo(2);
  }

  @Test
  void shouldReportNotRunningWithExitCodeThree() {
    Path stateFile = temp.resolve("none.json");

    assertThat(execute("status", "--state-file", stateFile.toString())).isEqualTo(3);
    assertThat(out.toString()).contains("not running").contains(stateFile.toString());
    assertThat(execute("stop", "--state-file", stateFile.toString())).isEqualTo(3);
    assertThat(err.toString()).contains("nothing to stop");
  }

  @Test
  void shouldNeverStopAProcessThatIsNotTheRecordedBroker() throws Exception {
    // given: a state file whose pid is this very test JVM (pid reuse, or a tampered file)
    Path dataDir = Files.createDirectories(temp.resolve("data"));
    Files.writeString(dataDir.resolve("server.properties"), "node.id=1");
    StateFile stateFile = new StateFile(temp.resolve("state.json"));
    stateFile.write(state(ProcessHandle.current().pid(), dataDir));

    // when
    int status = execute("status", "--state-file", stateFile.path().toString());
    int stop = execute("stop", "--state-file", stateFile.path().toString());

    // then: we are still alive, and the leftovers of the gone broker are removed
    assertThat(status).isEqualTo(3);
    assertThat(stop).isZero();
    assertThat(out.toString()).contains("was not running any more");
    assertThat(dataDir).doesNotExist();
    assertThat(stateFile.path()).doesNotExist();
  }

  @Test
  void shouldNotDeleteADirectoryWithoutBrokerConfig() throws Exception {
    Path precious = Files.createDirectories(temp.resolve("precious"));
    Files.writeString(precious.resolve("thesis.tex"), "years of work");
    StateFile stateFile = new StateFile(temp.resolve("state.json"));
    stateFile.write(state(ProcessHandle.current().pid(), precious));

    assertThat(execute("stop", "--state-file", stateFile.path().toString())).isEqualTo(1);
    assertThat(err.toString()).contains("does not look like a local-kafka data directory");
    assertThat(precious.resolve("thesis.tex")).exists();
  }

  private static BrokerState state(long pid, Path dataDir) {
    return new BrokerState(
        pid,
        1,
        2,
        dataDir.toString(),
        dataDir.resolve("server.properties").toString(),
        dataDir.resolve("broker.log").toString(),
        System.currentTimeMillis());
  }
}
