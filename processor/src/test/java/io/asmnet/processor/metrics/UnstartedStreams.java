package io.asmnet.processor.metrics;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

/** A real Kafka Streams client that is never started: its metrics exist, no broker is contacted. */
final class UnstartedStreams {
  private UnstartedStreams() {}

  static KafkaStreams create(String applicationId, Path stateDir) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("frames").to("pose-events");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9"); // never contacted
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    return new KafkaStreams(builder.build(), props);
  }
}
