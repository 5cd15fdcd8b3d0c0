package io.asmnet.schemas.serde;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * The Avro data model of one generated type that may instantiate the generated classes its own
 * schema names.
 *
 * <p>Why: Avro 1.12's {@code ClassSecurityValidator} refuses to load any class outside {@code
 * java.*} and a few Avro packages unless a JVM-wide system property or a global predicate trusts
 * it, so even the generated {@code Frame.fromByteBuffer} fails with {@code SecurityException:
 * Forbidden io.asmnet.schemas.avro.Frame}. Changing global state from a library is not ours to do.
 * The validator guards against class names that arrive from untrusted writer schemas; the classes
 * trusted here are named by the compiled reader schema of the generated class, i.e. by our own
 * code, and instances are always created from the reader schema, so nothing on the wire can widen
 * the set.
 */
final class TrustedSpecificData extends SpecificData {
  private final Map<String, Class<?>> trusted;

  private TrustedSpecificData(ClassLoader loader, Map<String, Class<?>> trusted) {
    super(loader);
    this.trusted = Map.copyOf(trusted);
  }

  /** The model for {@code type}, with the conversions its generated model carries. */
  static TrustedSpecificData forClass(Class<?> type) {
    SpecificData generated = SpecificData.getForClass(type);
    Schema schema = generated.getSchema(type);
    Map<String, Class<?>> trusted = new HashMap<>();
    collect(schema, type.getClassLoader(), trusted, new HashSet<>());
    TrustedSpecificData model = new TrustedSpecificData(type.getClassLoader(), trusted);
    generated.getConversions().forEach(model::addLogicalTypeConversion);
    // Custom coders stay off although they are faster: the generated customDecode allocates an
    // array of the count the bytes declare, before Avro's remaining-bytes check can refuse a
    // corrupt count of 2^30 (AvroSerdeFuzzTest catches that as an OutOfMemoryError).
    model.setCustomCoders(false);
    return model;
  }

  @Override
  public Class<?> getClass(Schema schema) {
    Class<?> known = isNamed(schema) ? trusted.get(schema.getFullName()) : null;
    return known != null ? known : super.getClass(schema);
  }

  private static void collect(
      Schema schema, ClassLoader loader, Map<String, Class<?>> into, Set<String> visited) {
    switch (schema.getType()) {
      case RECORD -> {
        if (!visited.add(schema.getFullName())) {
          return; // recursive or repeated type
        }
        put(schema, loader, into);
        schema.getFields().forEach(f -> collect(f.schema(), loader, into, visited));
      }
      case ENUM, FIXED -> put(schema, loader, into);
      case ARRAY -> collect(schema.getElementType(), loader, into, visited);
      case MAP -> collect(schema.getValueType(), loader, into, visited);
      case UNION -> schema.getTypes().forEach(s -> collect(s, loader, into, visited));
      default -> {
        // primitives name no class
      }
    }
  }

  private static void put(Schema schema, ClassLoader loader, Map<String, Class<?>> into) {
    try {
      into.put(schema.getFullName(), Class.forName(getClassName(schema), false, loader));
    } catch (ClassNotFoundException e) {
      // Not generated (a generic-only type): Avro's own lookup handles it as before.
    }
  }

  private static boolean isNamed(Schema schema) {
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> true;
      default -> false;
    };
  }
}
