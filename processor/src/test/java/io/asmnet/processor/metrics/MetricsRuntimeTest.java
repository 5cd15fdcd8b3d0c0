package io.asmnet.processor.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class MetricsRuntimeTest {

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void shouldServeMetricsAndTakeHealthFromTheBoundStreams(@TempDir Path stateDir) throws Exception {
    try (MetricsRuntime runtime = MetricsRuntime.start("runtime-test", "i1", 50, "127.0.0.1", 0)) {
      assertThat(get(runtime, "/health/live").statusCode()).isEqualTo(200);
      assertThat(get(runtime, "/health/ready").statusCode()).isEqualTo(503);

      try (KafkaStreams streams = UnstartedStreams.create("runtime-test", stateDir)) {
        runtime.bindKafkaStreams(streams);

        HttpResponse<String> health = get(runtime, "/health");
        assertThat(health.body()).contains("\"state\":\"CREATED\"");
        Scrape scrape = Scrape.parse(get(runtime, "/metrics").body());
        assertThat(scrape.value("kafka_stream_alive_stream_threads", Map.of("processor", "i1")))
            .isPresent();
        assertThat(scrape.find("kafka_consumer_fetch_manager_records_lag_max", Map.of()))
            .isNotEmpty();

        streams.close(Duration.ofSeconds(5));
        assertThat(get(runtime, "/health/live").statusCode()).isEqualTo(503);
      }
    }
  }

  @Test
  void shouldReleaseThePortOnClose() throws Exception {
    int port;
    try (MetricsRuntime first = MetricsRuntime.start("runtime-test", "i1", 50, "127.0.0.1", 0)) {
      port = first.port();
      assertThatThrownBy(() -> MetricsRuntime.start("runtime-test", "i2", 50, "127.0.0.1", port))
          .isInstanceOf(IOException.class);
    }
    try (MetricsRuntime again = MetricsRuntime.start("runtime-test", "i1", 50, "127.0.0.1", port)) {
      assertThat(again.port()).isEqualTo(port);
    }
  }

  private HttpResponse<String> get(MetricsRuntime runtime, String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + runtime.port() + path);
    return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
