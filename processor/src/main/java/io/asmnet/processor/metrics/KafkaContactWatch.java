package io.asmnet.processor.metrics;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Asks Kafka every {@link #PERIOD} whether it answers (a cluster-metadata request from an admin
 * client of its own, with the Streams client's connection and security settings), so that a lost
 * broker shows in {@code /health/ready}, in {@code asmnet_kafka_connected} and in the log. Kafka
 * Streams itself stays {@code RUNNING} through a broker outage and says nothing about it. A probe
 * fails after {@link #PROBE_TIMEOUT}: a broker that refuses connections and one that accepts them
 * but never answers (hung, or a network partition) both count as lost.
 */
public final class KafkaContactWatch implements AutoCloseable {
  static final Duration PERIOD = Duration.ofSeconds(2);
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REPEAT = Duration.ofSeconds(30);

  private final Admin admin;
  private final ContactTracker tracker;
  private final ScheduledExecutorService scheduler;

  private KafkaContactWatch(Admin admin, ContactTracker tracker) {
    this.admin = admin;
    this.tracker = tracker;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "asmnet-kafka-contact");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts probing the cluster that {@code adminProps} name: admin-client settings (bootstrap
   * servers, security), for example those of the Kafka Streams client, filtered.
   *
   * @param clientId the admin client's {@code client.id}
   */
  public static KafkaContactWatch start(Properties adminProps, String clientId) {
    Map<String, Object> config = new HashMap<>();
    adminProps.forEach((k, v) -> config.put(k.toString(), v));
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
    String servers = String.valueOf(config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
    KafkaContactWatch watch =
        new KafkaContactWatch(Admin.create(config), new ContactTracker(servers, REPEAT));
    watch.scheduler.scheduleWithFixedDelay(
        watch::probe, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    return watch;
  }

  /** The contact as last probed. */
  public KafkaContact contact() {
    return tracker.contact(System.nanoTime());
  }

  private void probe() {
    try {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis()))
          .clusterId()
          .get(PROBE_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
      tracker.reached(System.nanoTime());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      tracker.failed(
          System.nanoTime(),
          cause instanceof org.apache.kafka.common.errors.TimeoutException
              ? "no answer within " + PROBE_TIMEOUT.toSeconds() + " s"
              : cause.getMessage());
    } catch (TimeoutException e) {
      tracker.failed(System.nanoTime(), "no answer within " + PROBE_TIMEOUT.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // close() stops the scheduler
    } catch (RuntimeException e) {
      tracker.failed(System.nanoTime(), e.toString()); // never let the schedule die silently
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    admin.close(Duration.ofSeconds(2));
  }
}
