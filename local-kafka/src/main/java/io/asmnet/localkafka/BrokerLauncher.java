package io.asmnet.localkafka;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.Uuid;

/** Launches the broker JVM ({@link BrokerMain}) with the Kafka jars of this JVM's classpath. */
final class BrokerLauncher {
  private static final File SETSID = new File("/usr/bin/setsid");

  private BrokerLauncher() {}

  static Process launch(BrokerFiles files, BrokerOptions options) {
    ProcessBuilder builder = processBuilder(files, options);
    try {
      return builder.start();
    } catch (IOException e) {
      files.deleteAll();
      throw new UncheckedIOException("Cannot start the broker JVM " + builder.command().get(0), e);
    }
  }

  static ProcessBuilder processBuilder(BrokerFiles files, BrokerOptions options) {
    List<String> command = new ArrayList<>();
    if (SETSID.canExecute()) {
      // Its own session and process group: Ctrl-C in a terminal signals the foreground group,
      // and the broker must not stop before its owner has closed its clients (the owner stops it).
      // setsid execs in place (a child is no group leader), so the pid stays the broker's.
      command.add(SETSID.getPath());
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options.jvmOptions());
    command.add("-Dlogback.configurationFile=" + files.logbackConfig());
    command.add(BrokerMain.class.getName());
    command.add(files.config().toString());
    command.add(Uuid.randomUuid().toString());
    if (!options.detached()) {
      command.add(Long.toString(ProcessHandle.current().pid()));
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // The classpath goes in the environment, not in -cp: Linux shows the stop command only the
    // first 4,096 bytes of a command line, and the main class and config path must be in them.
    builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
    // A file, not a pipe: a detached broker outlives the reader of a pipe.
    builder.redirectOutput(files.console().toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())));
    return builder;
  }

  private static String nullDevice() {
    return System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null";
  }
}
