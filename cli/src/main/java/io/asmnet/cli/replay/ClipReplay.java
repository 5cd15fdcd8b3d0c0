package io.asmnet.cli.replay;

import io.asmnet.cli.CommandFailure;
import io.asmnet.cli.clip.BuiltClip;
import io.asmnet.cli.clip.GroundTruth;
import io.asmnet.cli.consume.TopicTail;
import io.asmnet.cli.publish.FramePublisher;
import io.asmnet.cli.publish.FrameSource;
import io.asmnet.schemas.avro.PoseEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Replays one built clip through a running processor: reads the events and dead-letter topics from
 * their current end (read_committed, no consumer group), publishes the clip's frames with sequences
 * 0..n-1 and the clip id, and collects this clip's results until every sequence has an event or a
 * dead letter, the timeout after the last frame passes, or a stop is requested. The façade that
 * {@code asmnet replay} and {@code asmnet demo} share.
 */
public final class ClipReplay {
  private static final Duration POLL = Duration.ofMillis(100);

  private final ReplayTarget target;
  private final ReplaySettings settings;

  public ClipReplay(ReplayTarget target, ReplaySettings settings) {
    this.target = target;
    this.settings = settings;
  }

  /**
   * Runs the replay.
   *
   * @param stopRequested polled while waiting; true ends the wait early (Ctrl-C)
   * @throws CommandFailure when a topic is missing, the broker is unreachable, the clip cannot be
   *     read, or Kafka rejects a frame
   */
  public ReplayOutcome run(
      BuiltClip clip, GroundTruth truth, ReplayListener listener, BooleanSupplier stopRequested)
      throws InterruptedException {
    ReplayCollector collector =
        new ReplayCollector(
            settings.cameraId(),
            settings.clipId(),
            target.eventsTopic(),
            truth.frames().size(),
            target.wire());
    // Positions are taken before the first frame goes out: every result comes after them.
    try (TopicTail tail =
            TopicTail.open(
                target.consumerConfig(),
                List.of(target.eventsTopic(), target.deadLetterTopic()),
                false,
                target.timeout());
        ClipPublisher publisher = startPublisher(clip, truth)) {
      boolean stopped = false;
      while (!collector.complete() && !timedOut(publisher)) {
        if (stopRequested.getAsBoolean()) {
          stopped = true;
          break;
        }
        if (publisher.failure() != null) {
          throw publisher.failure();
        }
        for (ConsumerRecord<byte[], byte[]> record : tail.poll(POLL)) {
          Optional<PoseEvent> event = collector.accept(record);
          event.ifPresent(e -> listener.onEvent(e, publisher.publishedAt(e.getSequence())));
        }
      }
      if (publisher.failure() != null) {
        throw publisher.failure();
      }
      ReplayInput input =
          new ReplayInput(
              truth, collector.events(), collector.deadLetters(), publisher.publishTimesMs());
      return new ReplayOutcome(input, publisher.published(), collector.missing(), stopped);
    }
  }

  private ClipPublisher startPublisher(BuiltClip clip, GroundTruth truth) {
    FrameSource source;
    try {
      source = ClipFrames.open(clip, truth.spec(), settings.codec());
    } catch (IOException e) {
      throw CommandFailure.usage(
          "cannot read the clip " + clip.mp4().getParent() + ": " + e.getMessage());
    }
    FramePublisher publisher;
    try {
      publisher =
          FramePublisher.create(
              target.producerConfig(FramePublisher.producerDefaults()),
              target.framesTopic(),
              settings.clipId(),
              target.wire().frames().serializer());
    } catch (RuntimeException e) {
      closeQuietly(source);
      throw e;
    }
    ClipPublisher clipPublisher =
        new ClipPublisher(source, publisher, settings.cameraId(), settings.fps());
    clipPublisher.start();
    return clipPublisher;
  }

  private boolean timedOut(ClipPublisher publisher) {
    long finished = publisher.finishedAtNanos();
    return finished != 0 && System.nanoTime() - finished > settings.timeout().toNanos();
  }

  private static void closeQuietly(FrameSource source) {
    try {
      source.close();
    } catch (IOException e) {
      // Nothing was read yet; the original failure matters more.
    }
  }
}
