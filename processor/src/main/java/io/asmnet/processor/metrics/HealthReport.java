package io.asmnet.processor.metrics;

/**
 * What {@code /health/*} answer: the Kafka Streams client's health ({@link StreamsHealth}) and the
 * inference batcher's. Live and ready need both; while the batcher is unhealthy the JSON says why,
 * e.g. {@code
 * {"status":"DOWN","live":false,"ready":false,"state":"RUNNING","inference":"DOWN","inferenceDetail":"..."}}.
 */
record HealthReport(StreamsHealth streams, ComponentHealth inference) {

  boolean live() {
    return streams.live() && inference.healthy();
  }

  boolean ready() {
    return streams.ready() && inference.healthy();
  }

  String json() {
    String base = streams.json();
    if (inference.healthy()) {
      return base; // unchanged while the batcher is fine
    }
    String down =
        base.replaceFirst("\"status\":\"[A-Z]+\"", "\"status\":\"DOWN\"")
            .replace("\"live\":true", "\"live\":false")
            .replace("\"ready\":true", "\"ready\":false");
    return down.substring(0, down.length() - 1)
        + ",\"inference\":\"DOWN\",\"inferenceDetail\":\""
        + escape(inference.detail())
        + "\"}";
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
