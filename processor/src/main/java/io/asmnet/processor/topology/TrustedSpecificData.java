package io.asmnet.processor.topology;

import io.asmnet.schemas.avro.Frame;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * Avro 1.12 refuses to load record classes that are not on its global trust list (a guard against
 * schemas naming arbitrary classes). Our reader schemas are compiled in, so the generated classes
 * of our own namespace are trusted here, per decoder, instead of widening the JVM-wide list.
 */
final class TrustedSpecificData extends SpecificData {
  private static final String NAMESPACE = Frame.getClassSchema().getNamespace();

  @Override
  @SuppressWarnings("rawtypes") // the overridden signature is raw
  public Class getClass(Schema schema) {
    Schema.Type type = schema.getType();
    boolean named = type == Schema.Type.RECORD || type == Schema.Type.ENUM || type == Schema.Type.FIXED;
    if (named && NAMESPACE.equals(schema.getNamespace())) {
      try {
        return Class.forName(schema.getFullName(), true, Frame.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        return null;
      }
    }
    return super.getClass(schema);
  }
}
