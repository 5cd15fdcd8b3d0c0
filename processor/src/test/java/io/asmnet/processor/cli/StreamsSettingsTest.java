package io.asmnet.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.processor.config.ConfigException;
import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.config.TestConfigs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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
    Properties p = StreamsSettings.of(config(Map.of("security.protocol", "SSL", "kafka.bootstrap.servers", "evil:1",
        "bootstrap.servers", "good:9092", "processing.guarantee", "at_least_once", "num.stream.threads", "3")));

    assertThat(p).containsEntry("security.protocol", "SSL")
        .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "good:9092")
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once")
        .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 3)
        .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "asmnet-processor")
        .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
            LogAndContinueExceptionHandler.class.getName());
    new StreamsConfig(p); // Kafka itself accepts the result
  }

  @Test
  void shouldNameMissingTopicsAndTheWayOut() throws IOException {
    ProcessorConfig c = config(Map.of("topic.frames", "cam-frames"));

    List<String> missing = TopicCheck.missing(c, Set.of("pose-events", "other"));
    ConfigException e = TopicCheck.missingTopics(c, missing);

    assertThat(missing).containsExactly("cam-frames", "frames-dlq");
    assertThat(e.getMessage()).contains("topics missing on localhost:9092: cam-frames, frames-dlq",
        "topics.create=true");
  }

  @Test
  void shouldBufferFewRecordsPerPartitionUnlessTold() throws IOException {
    assertThat(StreamsSettings.of(config(Map.of())))
        .containsEntry(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG, 64);
    assertThat(StreamsSettings.of(config(Map.of("buffered.records.per.partition", "500"))))
        .containsEntry(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG, "500");
  }
}
