package io.asmnet.processor.kafka;

import io.asmnet.localkafka.BrokerOptions;
import io.asmnet.localkafka.LocalKafkaBroker;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Gives tests a real Kafka broker as a {@link KafkaCluster} parameter (constructor, lifecycle or
 * test method): {@code @ExtendWith(KafkaBrokerExtension.class)}. One broker serves the whole test
 * run (JVM); it lives in the root store and is stopped when the run ends.
 *
 * <p>Which broker, first match wins:
 *
 * <ol>
 *   <li>{@code KAFKA_BOOTSTRAP_SERVERS} set: that external broker (for example one started with
 *       {@code bin/local-kafka start}); it is never stopped by the tests.
 *   <li>system property {@code asmnet.test.kafka} or environment {@code ASMNET_TEST_KAFKA} is
 *       {@code testcontainers} and Docker runs: a Testcontainers {@code apache/kafka} container
 *       (image {@code apache/kafka:<kafka-clients version>}, or {@code asmnet.test.kafka.image}).
 *   <li>otherwise a {@link LocalKafkaBroker} (its own JVM, no Docker).
 * </ol>
 */
public final class KafkaBrokerExtension implements ParameterResolver {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerExtension.class);
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KafkaCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestBroker broker =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(TestBroker.class, key -> startBroker(), TestBroker.class);
    String test =
        context.getRequiredTestClass().getSimpleName()
            + context.getTestMethod().map(m -> "-" + m.getName()).orElse("");
    return new KafkaCluster(broker.bootstrapServers(), test);
  }

  /** A broker for the run; closing it stops what the extension started (nothing external). */
  interface TestBroker extends AutoCloseable {
    String bootstrapServers();

    @Override
    void close();
  }

  private static TestBroker startBroker() {
    String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
    if (external != null && !external.isBlank()) {
      LOG.info("Tests use the external Kafka broker at {}", external);
      return new TestBroker() {
        @Override
        public String bootstrapServers() {
          return external.trim();
        }

        @Override
        public void close() {}
      };
    }
    if (testcontainersRequested()) {
      if (DockerClientFactory.instance().isDockerAvailable()) {
        return startContainer();
      }
      LOG.warn(
          "asmnet.test.kafka=testcontainers but Docker is not available: using a local broker");
    }
    LocalKafkaBroker broker = LocalKafkaBroker.start(BrokerOptions.defaults());
    return new TestBroker() {
      @Override
      public String bootstrapServers() {
        return broker.bootstrapServers();
      }

      @Override
      public void close() {
        broker.close();
      }
    };
  }

  private static boolean testcontainersRequested() {
    String choice =
        Optional.ofNullable(System.getProperty("asmnet.test.kafka"))
            .orElse(System.getenv("ASMNET_TEST_KAFKA"));
    return choice != null && choice.trim().toLowerCase(Locale.ROOT).equals("testcontainers");
  }

  private static TestBroker startContainer() {
    String image =
        System.getProperty("asmnet.test.kafka.image", "apache/kafka:" + AppInfoParser.getVersion());
    KafkaContainer container = new KafkaContainer(image);
    container.start();
    LOG.info(
        "Tests use a Testcontainers Kafka broker ({}) at {}",
        image,
        container.getBootstrapServers());
    return new TestBroker() {
      @Override
      public String bootstrapServers() {
        return container.getBootstrapServers();
      }

      @Override
      public void close() {
        container.stop();
      }
    };
  }
}
