package io.asmnet.schemas.serde;

import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/** {@link WireFormat} in Avro single-object encoding: one {@link AvroSerde} per type. Immutable. */
record SingleObjectFormat(
    AvroSerde<Frame> frames, AvroSerde<PoseEvent> poseEvents, AvroSerde<DeadLetter> deadLetters)
    implements WireFormat {

  static SingleObjectFormat of(List<Schema> extra) {
    List<Schema> frames = new ArrayList<>();
    List<Schema> events = new ArrayList<>();
    List<Schema> letters = new ArrayList<>();
    for (Schema schema : extra) {
      String name =
          schema.getType() == Schema.Type.RECORD
              ? schema.getFullName()
              : schema.getType().getName();
      if (name.equals(Frame.getClassSchema().getFullName())) {
        frames.add(schema);
      } else if (name.equals(PoseEvent.getClassSchema().getFullName())) {
        events.add(schema);
      } else if (name.equals(DeadLetter.getClassSchema().getFullName())) {
        letters.add(schema);
      } else {
        throw new IllegalArgumentException(
            "schema "
                + name
                + " is not a version of "
                + Frame.getClassSchema().getFullName()
                + ", "
                + PoseEvent.getClassSchema().getFullName()
                + " or "
                + DeadLetter.getClassSchema().getFullName());
      }
    }
    return new SingleObjectFormat(
        WireSerdes.frame().withKnownSchemas(frames.toArray(Schema[]::new)),
        WireSerdes.poseEvent().withKnownSchemas(events.toArray(Schema[]::new)),
        WireSerdes.deadLetter().withKnownSchemas(letters.toArray(Schema[]::new)));
  }

  @Override
  public String description() {
    return "single-object";
  }

  @Override
  public void close() {
    // Nothing held.
  }
}
