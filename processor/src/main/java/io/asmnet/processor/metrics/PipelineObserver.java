package io.asmnet.processor.metrics;

import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.PoseEvent;

/**
 * What the pipeline reports as it works; the metrics implementation turns it into meters. The
 * stages call it from stream threads and from the batcher's thread, so implementations must be
 * thread-safe and cheap.
 */
public interface PipelineObserver {

  /** An event was forwarded (its timings and faces say the rest). */
  void frameProcessed(PoseEvent event);

  /** A record went to the dead-letter topic. */
  void deadLetter(ErrorKind kind);

  /** The batcher ran one batch. */
  void batchRun(int faces, long queueMicros, long runMicros);

  /**
   * Kafka refused to store one output record (for example too large for the topic); the record was
   * dropped and, where possible, replaced by a small dead letter.
   *
   * @param topic the topic the record was for
   * @param error the exception's simple class name, e.g. {@code RecordTooLargeException}
   */
  default void productionFailed(String topic, String error) {}

  /** Does nothing: for tests and tools that do not measure. */
  PipelineObserver NONE =
      new PipelineObserver() {
        @Override
        public void frameProcessed(PoseEvent event) {}

        @Override
        public void deadLetter(ErrorKind kind) {}

        @Override
        public void batchRun(int faces, long queueMicros, long runMicros) {}
      };
}
