package io.asmnet.schemas.serde;

import io.apicurio.registry.serde.avro.AvroDatumProvider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * How Apicurio's Avro serializer turns records into bytes, for {@link RegistrySerde}: generated
 * records through their {@link TrustedSpecificData} model (Apicurio's default provider uses Avro's
 * global model, which Avro 1.12 forbids to load our generated classes), other records (a {@code
 * GenericRecord} of any schema) as generic data. Public only because Apicurio instantiates it by
 * class; not an API. Thread-safe.
 */
public final class TrustedDatumProvider<T> implements AvroDatumProvider<T> {
  private final Map<Class<?>, TrustedSpecificData> models = new ConcurrentHashMap<>();

  @Override
  public DatumWriter<T> createDatumWriter(T data, Schema schema) {
    if (data instanceof SpecificRecord) {
      return new SpecificDatumWriter<>(
          schema, models.computeIfAbsent(data.getClass(), TrustedSpecificData::forClass));
    }
    return new GenericDatumWriter<>(schema);
  }

  @Override
  public DatumReader<T> createDatumReader(Schema schema) {
    // RegistrySerde reads bodies itself; this is only here to satisfy the interface.
    return new GenericDatumReader<>(schema);
  }

  @Override
  public Schema toSchema(T data) {
    if (data instanceof GenericContainer container) {
      return container.getSchema();
    }
    throw new IllegalArgumentException(
        "not an Avro record: " + (data == null ? "null" : data.getClass().getName()));
  }
}
