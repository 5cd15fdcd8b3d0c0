package io.asmnet.processor.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;

/**
 * Prometheus' info pattern: a gauge of value 1 whose labels carry the information (device, model
 * version). Holds one series at a time: setting new labels removes the old series, so a query never
 * sees two devices for one instance. Thread-safe; setting the same labels again is cheap (no lock).
 */
final class InfoGauge {

  private final MultiGauge gauge;
  private volatile Tags current = Tags.empty();

  InfoGauge(MeterRegistry registry, String name, String description) {
    this.gauge = MultiGauge.builder(name).description(description).register(registry);
  }

  /** Makes {@code tags} the one series of this gauge. */
  void set(Tags tags) {
    if (tags.equals(current)) {
      return;
    }
    synchronized (this) {
      if (!tags.equals(current)) {
        current = tags;
        gauge.register(List.of(MultiGauge.Row.of(tags, 1)), true);
      }
    }
  }
}
