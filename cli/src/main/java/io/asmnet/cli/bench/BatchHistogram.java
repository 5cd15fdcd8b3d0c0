package io.asmnet.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The batch-size histogram ({@code asmnet_infer_batch_size_faces}) as the processor's metrics
 * endpoint serves it: cumulative counts per upper bound, and the count and sum. Two scrapes are
 * subtracted to leave out the warm-up.
 *
 * @param cumulative upper bound (faces) -> batches with at most that many faces
 */
record BatchHistogram(TreeMap<Double, Double> cumulative, double count, double sum) {
  private static final String NAME = "asmnet_infer_batch_size_faces";
  private static final Pattern BUCKET =
      Pattern.compile("^" + NAME + "_bucket\\{.*le=\"([^\"]+)\".*}\\s+(\\S+)$");
  private static final Pattern TOTAL =
      Pattern.compile("^" + NAME + "_(count|sum)(?:\\{.*})?\\s+(\\S+)$");

  static BatchHistogram scrape(int port) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    return parse(r.body());
  }

  static BatchHistogram parse(String text) {
    TreeMap<Double, Double> buckets = new TreeMap<>();
    double count = 0;
    double sum = 0;
    for (String line : text.split("\n")) {
      Matcher b = BUCKET.matcher(line.strip());
      if (b.matches()) {
        double le =
            b.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(b.group(1));
        buckets.merge(le, Double.parseDouble(b.group(2)), Double::sum);
        continue;
      }
      Matcher t = TOTAL.matcher(line.strip());
      if (t.matches()) {
        if (t.group(1).equals("count")) {
          count += Double.parseDouble(t.group(2));
        } else {
          sum += Double.parseDouble(t.group(2));
        }
      }
    }
    return new BatchHistogram(buckets, count, sum);
  }

  BatchHistogram minus(BatchHistogram earlier) {
    TreeMap<Double, Double> diff = new TreeMap<>();
    cumulative.forEach((le, n) -> diff.put(le, n - earlier.cumulative.getOrDefault(le, 0.0)));
    return new BatchHistogram(diff, count - earlier.count, sum - earlier.sum);
  }

  /** Batches per bucket (not cumulative), labelled like "1", "5-6", ">128". */
  Map<String, Long> perBucket() {
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    double previousBound = 0;
    double previousCount = 0;
    for (Map.Entry<Double, Double> e : cumulative.entrySet()) {
      double le = e.getKey();
      long n = Math.round(e.getValue() - previousCount);
      String label =
          Double.isInfinite(le)
              ? ">" + fmt(previousBound)
              : le - previousBound <= 1 ? fmt(le) : fmt(previousBound + 1) + "-" + fmt(le);
      out.put(label, n);
      previousBound = le;
      previousCount = e.getValue();
    }
    return out;
  }

  double mean() {
    return count == 0 ? Double.NaN : sum / count;
  }

  private static String fmt(double v) {
    return String.valueOf((long) v);
  }
}
