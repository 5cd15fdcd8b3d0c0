package io.asmnet.processor.topology;

import io.asmnet.processor.track.TrackState;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Binary form of {@link TrackState} for the track store and its changelog: version byte (1), last
 * sequence (long), frames since detection (int), face count (int), then 136 floats per face.
 */
public final class TrackStateSerde implements Serde<TrackState> {
  private static final byte VERSION = 1;

  @Override
  public Serializer<TrackState> serializer() {
    return (topic, state) -> state == null ? null : write(state);
  }

  @Override
  public Deserializer<TrackState> deserializer() {
    return (topic, bytes) -> bytes == null ? null : read(bytes);
  }

  static byte[] write(TrackState state) {
    ByteBuffer buf = ByteBuffer.allocate(1 + 8 + 4 + 4 + state.faces().size() * 2 * TrackState.POINTS * 4);
    buf.put(VERSION).putLong(state.lastSequence()).putInt(state.framesSinceDetection()).putInt(state.faces().size());
    for (float[] face : state.faces()) {
      for (float v : face) {
        buf.putFloat(v);
      }
    }
    return buf.array();
  }

  static TrackState read(byte[] bytes) {
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    try {
      if (buf.get() != VERSION) {
        throw new SerializationException("unknown track state version " + bytes[0]);
      }
      long last = buf.getLong();
      int since = buf.getInt();
      int n = buf.getInt();
      if (n < 0 || n > buf.remaining() / (2 * TrackState.POINTS * 4)) {
        throw new SerializationException("track state claims " + n + " faces in " + bytes.length + " bytes");
      }
      List<float[]> faces = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        float[] face = new float[2 * TrackState.POINTS];
        for (int j = 0; j < face.length; j++) {
          face[j] = buf.getFloat();
        }
        faces.add(face);
      }
      return new TrackState(last, since, faces);
    } catch (java.nio.BufferUnderflowException e) {
      throw new SerializationException("truncated track state (" + bytes.length + " bytes)", e);
    }
  }
}
