package io.asmnet.processor.cli;

import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.emit.RecordLimits;
import io.asmnet.processor.topology.ProductionErrorHandler;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
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
    p.putIfAbsent(
        StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG, BUFFERED_RECORDS_PER_PARTITION);
    p.putIfAbsent(
        StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
    p.putIfAbsent(
        StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
    // The source reads bytes, so this should never fire; if a serde is ever put there, a bad record
    // must not stop the thread (the topology itself dead-letters bad values).
    p.putIfAbsent(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class.getName());
    recordLimits(p, RecordLimits.maxRecordBytes(config.stages().maxPayloadBytes()));
    // An output record Kafka refuses is one record's problem: logged, counted, a small dead letter.
    p.put(
        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
        ProductionErrorHandler.class.getName());
    p.put(ProductionErrorHandler.DEAD_LETTER_TOPIC_CONFIG, config.topics().deadLetters());
    return p;
  }

  /**
   * Producer and consumer sizes follow the payload limit (the clients' 1 MiB defaults would refuse
   * a dead letter of a 2 MiB frame and stop the instance): the producer sends records up to {@code
   * maxRecordBytes}, the consumers fetch them in one go. Defaults that are larger are kept.
   */
  static void recordLimits(Properties p, int maxRecordBytes) {
    p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), maxRecordBytes);
    long buffer = Math.max(32L * 1024 * 1024, 2L * maxRecordBytes);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.BUFFER_MEMORY_CONFIG), buffer);
    p.put(
        StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
        Math.max(ConsumerConfig.DEFAULT_MAX_PARTITION_FETCH_BYTES, maxRecordBytes));
    p.put(
        StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_BYTES_CONFIG),
        Math.max(ConsumerConfig.DEFAULT_FETCH_MAX_BYTES, maxRecordBytes));
  }
}
