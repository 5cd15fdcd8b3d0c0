package io.asmnet.processor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ContactTrackerTest {
  private static final long S = 1_000_000_000L;
  private final Logger logger = (Logger) LoggerFactory.getLogger(KafkaContactWatch.class);
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final ContactTracker tracker =
      new ContactTracker("127.0.0.1:9092", Duration.ofSeconds(30));

  @BeforeEach
  void attach() {
    lines.start();
    logger.addAppender(lines);
  }

  @AfterEach
  void detach() {
    logger.detachAppender(lines);
  }

  @Test
  void shouldBeUnknownUntilTheFirstProbe() {
    assertThat(tracker.contact(0)).isEqualTo(KafkaContact.UNKNOWN);
    tracker.reached(S);
    assertThat(tracker.contact(2 * S)).isEqualTo(KafkaContact.CONNECTED);
    assertThat(lines.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.INFO));
  }

  @Test
  void shouldWarnOnceWhenLostThenAtMostEveryRepeatAndSayWhenItIsBack() {
    tracker.reached(0);
    for (long t = 10; t <= 100; t += 2) { // a 90 s outage, probed every 2 s
      tracker.failed(t * S, "Timed out waiting for a node assignment");
    }
    KafkaContact during = tracker.contact(100 * S);
    tracker.reached(102 * S);

    assertThat(during).isEqualTo(KafkaContact.lost(90));
    assertThat(tracker.contact(103 * S)).isEqualTo(KafkaContact.CONNECTED);
    assertThat(lines.list)
        .extracting(ILoggingEvent::getLevel)
        .containsExactly(Level.WARN, Level.WARN, Level.WARN, Level.WARN, Level.INFO);
    assertThat(lines.list.get(0).getFormattedMessage())
        .contains(
            "Kafka at 127.0.0.1:9092 unreachable",
            "Timed out waiting for a node assignment",
            "/health/ready");
    assertThat(lines.list.get(1).getFormattedMessage()).contains("still unreachable after 30 s");
    assertThat(lines.list.get(4).getFormattedMessage()).contains("reachable again after 92 s");
  }
}
