package io.asmnet.processor.topology;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/** A topic name with the serdes of its keys and values. Immutable. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
    if (name.isBlank()) {
      throw new IllegalArgumentException("topic name must not be blank");
    }
  }
}
