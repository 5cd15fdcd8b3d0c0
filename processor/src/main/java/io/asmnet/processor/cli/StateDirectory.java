package io.asmnet.processor.cli;

import io.asmnet.processor.config.ConfigException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * This instance's own Kafka Streams state directory: the first free {@code instance-N} folder under
 * {@code state.dir}, held by a file lock for the life of the instance. Kafka Streams locks its
 * state directory per process, so two instances of one {@code application.id} on one host (or two
 * containers sharing one volume) cannot share it; with a slot each they can, and a restarted
 * instance takes the lowest free slot again and finds its stores there (no restore from the
 * changelog). The lock is the operating system's, so a crashed instance frees its slot.
 */
final class StateDirectory implements AutoCloseable {
  private static final int MAX_SLOTS = 1024;

  private final Path dir;
  private final FileChannel channel;
  private final FileLock lock;

  private StateDirectory(Path dir, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Claims the first free slot under {@code base}, creating folders as needed.
   *
   * @throws ConfigException when {@code base} cannot be written or every slot is taken
   */
  static StateDirectory claim(Path base) {
    try {
      Files.createDirectories(base);
      for (int slot = 0; slot < MAX_SLOTS; slot++) {
        Path dir = base.resolve("instance-" + slot);
        FileChannel channel =
            FileChannel.open(
                base.resolve("instance-" + slot + ".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel);
        if (lock != null) {
          Files.createDirectories(dir);
          return new StateDirectory(dir, channel, lock);
        }
        channel.close();
      }
    } catch (IOException e) {
      throw new ConfigException(
          "state.dir: cannot use " + base.toAbsolutePath() + " for Kafka Streams state: " + e);
    }
    throw new ConfigException(
        "state.dir: all "
            + MAX_SLOTS
            + " instance slots under "
            + base.toAbsolutePath()
            + " are in use");
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by another processor in this JVM (tests, embedders)
    }
  }

  /** The folder to give Kafka Streams as its {@code state.dir}. */
  Path path() {
    return dir;
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // The lock goes with the process anyway; nothing is lost.
    }
  }
}
