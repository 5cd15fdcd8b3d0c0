package io.asmnet.processor.cli;

import io.asmnet.processor.config.ProcessorConfig;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/** Turns the typed config into Kafka Streams properties. Pure: no I/O. */
public final class StreamsSettings {
  /** Default of {@code buffered.records.per.partition} (Streams' own is 1000). */
  static final int BUFFERED_RECORDS_PER_PARTITION = 64;

  private StreamsSettings() {}

  /**
   * Pass-through settings (security, SASL/SSL, tuning) first, then the typed ones, which win: a
   * {@code kafka.bootstrap.servers} cannot silently contradict {@code bootstrap.servers}.
   */
  public static Properties of(ProcessorConfig config) {
    ProcessorConfig.Kafka k = config.kafka();
    Properties p = new Properties();
    p.putAll(k.passThrough());
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, k.applicationId());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, k.bootstrapServers());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, k.processingGuarantee());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, k.numStreamThreads());
    // Records fetched ahead per partition, on the heap. Streams' 1000 would be 8 GiB of 8 MiB
    // frames; 64 still covers seconds of processing.
    p.putIfAbsent(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG, BUFFERED_RECORDS_PER_PARTITION);
    p.putIfAbsent(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
    p.putIfAbsent(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
    // The source reads bytes, so this should never fire; if a serde is ever put there, a bad record
    // must not stop the thread (the topology itself dead-letters bad values).
    p.putIfAbsent(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class.getName());
    return p;
  }
}
