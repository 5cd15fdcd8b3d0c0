package io.asmnet.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.config.TestConfigs;
import io.asmnet.processor.emit.RecordLimits;
import io.asmnet.processor.topology.ProductionErrorHandler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsSettingsTest {
  @TempDir Path dir;

  private ProcessorConfig config(Map<String, String> sets) throws IOException {
    return TestConfigs.load(dir, sets);
  }

  @Test
  void shouldPassSecuritySettingsAndLetTypedSettingsWin() throws IOException {
    Properties p =
        StreamsSettings.of(
            config(
                Map.of(
                    "security.protocol",
                    "SSL",
                    "kafka.bootstrap.servers",
                    "evil:1",
                    "bootstrap.servers",
                    "good:9092",
                    "processing.guarantee",
                    "at_least_once",
                    "num.stream.threads",
                    "3")));

    assertThat(p)
        .containsEntry("security.protocol", "SSL")
        .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "good:9092")
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once")
        .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 3)
        .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "asmnet-processor")
        .containsEntry(
            StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
            LogAndContinueExceptionHandler.class.getName());
    new StreamsConfig(p); // Kafka itself accepts the result
  }

  @Test
  void shouldSizeProducerAndConsumersFromThePayloadLimitAndHandleRefusedRecords()
      throws IOException {
    Properties p =
        StreamsSettings.of(
            config(Map.of("decode.max.payload.bytes", String.valueOf(20 * 1024 * 1024))));

    int maxRecord = RecordLimits.maxRecordBytes(20 * 1024 * 1024);
    assertThat(p)
        .containsEntry("producer.max.request.size", maxRecord)
        .containsEntry("producer.buffer.memory", 2L * maxRecord)
        .containsEntry("consumer.max.partition.fetch.bytes", maxRecord)
        .containsEntry("consumer.fetch.max.bytes", 52428800)
        .containsEntry(
            StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
            ProductionErrorHandler.class.getName())
        .containsEntry(ProductionErrorHandler.DEAD_LETTER_TOPIC_CONFIG, "frames-dlq");
    StreamsConfig streams = new StreamsConfig(p);
    assertThat(streams.getProducerConfigs("c")).containsEntry("max.request.size", maxRecord);
    assertThat(streams.getMainConsumerConfigs("g", "c", 0))
        .containsEntry("max.partition.fetch.bytes", maxRecord);
  }

  @Test
  void shouldBufferFewRecordsPerPartitionUnlessTold() throws IOException {
    assertThat(StreamsSettings.of(config(Map.of())))
        .containsEntry(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG, 64);
    assertThat(StreamsSettings.of(config(Map.of("buffered.records.per.partition", "500"))))
        .containsEntry(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG, "500");
  }
}
