package io.asmnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer sees on the first {@code ./asmnet} run: the real launcher script, copied into an
 * empty tree, with {@code MVN} set to a recorded Maven (a clearly named fake: a real first build
 * downloads hundreds of MB). It answers the offline attempt as Maven 3.8 does with an empty {@code
 * ~/.m2} ({@code [ERROR]} lines, escape codes, exit 1), and the online one with the reactor's
 * "Building" lines and the classpath file; then the launcher runs the real {@code AsmnetCommand} on
 * this test's classpath.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LauncherFirstRunTest {
  private static final String RECORDED_MAVEN =
      String.join(
          "\n",
          "#!/usr/bin/env bash",
          "# Recorded Maven: offline fails as with an empty ~/.m2; online builds (or fails with FAIL_ONLINE=1).",
          "for a in \"$@\"; do case \"$a\" in -Dmdep.outputFile=*) out=\"${a#-Dmdep.outputFile=}\";; esac; done",
          "if [[ \" $* \" == *' -o '* ]] || [ -n \"${FAIL_ONLINE:-}\" ]; then",
          "  printf '\\033[1;31m[ERROR]\\033[m Failed to execute goal on project asmnet-schemas: Could not resolve dependencies"
              + " for project io.asmnet:asmnet-schemas:jar:0.1.0-SNAPSHOT: Cannot access central in offline mode\\n'",
          "  printf '[ERROR] \\n[ERROR] Re-run Maven using the -X switch to enable full debug logging.\\n'",
          "  exit 1",
          "fi",
          "for m in 1:asmnet-streams 2:asmnet-schemas 3:asmnet-trainer 4:asmnet-processor 5:asmnet-cli; do",
          "  echo \"[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/x/${m#*:}.jar (1 kB at 1 MB/s)\"",
          "  printf '[INFO] Building %s 0.1.0-SNAPSHOT                             [%s/5]\\n' \"${m#*:}\" \"${m%%:*}\"",
          "done",
          "mkdir -p \"$(dirname \"$out\")\" && printf '%s' \"$TEST_CLASSPATH\" > \"$out\"",
          "");

  private record Run(int exit, String out, String err) {}

  private static Run launch(Path root, boolean failOnline, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(root.resolve("asmnet").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
    pb.environment().put("MVN", root.resolve("recorded-mvn").toString());
    pb.environment()
        .put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    pb.environment().put("TEST_CLASSPATH", testClasspath());
    if (failOnline) {
      pb.environment().put("FAIL_ONLINE", "1");
    }
    Path out = root.resolve("out.txt");
    Path err = root.resolve("err.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static String testClasspath() {
    // Surefire may hide the real class path behind a manifest-only jar.
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  private static Path tree(Path dir) throws Exception {
    Path launcher = Files.copy(Commands.root().resolve("asmnet"), dir.resolve("asmnet"));
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path mvn =
        Files.writeString(dir.resolve("recorded-mvn"), RECORDED_MAVEN, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir;
  }

  @Test
  void shouldSayInOneLineWhatHappensShowProgressAndHideMavensOfflineErrors(@TempDir Path dir)
      throws Exception {
    Path root = tree(dir);

    Run first = launch(root, false, "--version");
    Run second = launch(root, false, "--version");

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("asmnet");
    assertThat(first.err()).doesNotContain("[ERROR]", "\u001b", "Re-run Maven");
    assertThat(first.err().lines().toList())
        .startsWith(
            "asmnet: first run: building asmnet with Maven, a few minutes (log: cli/target/asmnet-build.log)...",
            "asmnet: downloading the libraries it needs into ~/.m2 (once; a few hundred MB)...",
            "asmnet:   [1/5] asmnet-streams 0.1.0-SNAPSHOT");
    assertThat(first.err()).contains("asmnet:   [5/5] asmnet-cli 0.1.0-SNAPSHOT", "asmnet: built.");
    assertThat(Files.readString(root.resolve("cli/target/asmnet-build.log")))
        .contains("[ERROR]", "Building asmnet-cli");
    // Built once: the next run says nothing about building.
    assertThat(second.exit()).isZero();
    assertThat(second.err()).doesNotContain("asmnet: ");
  }

  @Test
  void shouldShowMavensErrorsWithoutEscapeCodesWhenTheBuildReallyFails(@TempDir Path dir)
      throws Exception {
    Run run = launch(tree(dir), true, "--version");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            "asmnet: the build failed",
            "cli/target/asmnet-build.log",
            "[ERROR] Failed to execute goal on project asmnet-schemas")
        .doesNotContain("\u001b", "Re-run Maven");
  }

  /** The repository root, above the module's working directory. */
  private static final class Commands {
    static Path root() {
      for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
        if (Files.isRegularFile(d.resolve("asmnet")) && Files.isDirectory(d.resolve("cli"))) {
          return d;
        }
      }
      throw new IllegalStateException(
          "no asmnet launcher above " + Path.of("").toAbsolutePath() + File.separator);
    }
  }
}
