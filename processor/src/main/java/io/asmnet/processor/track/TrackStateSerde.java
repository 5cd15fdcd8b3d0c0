package io.asmnet.processor.track;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary form of a {@link TrackState} for the tracker's state store. Big-endian: format
 * version (1 byte, = 1), lastSequence (8), framesSinceDetection (4), face count (4), then 136
 * floats (4 each) per face. One face costs 544 bytes. A different version byte or a length that
 * does not match the face count is refused with a {@link SerializationException}.
 */
public final class TrackStateSerde implements Serde<TrackState> {
  static final byte VERSION = 1;
  private static final int HEADER = 1 + 8 + 4 + 4;
  private static final int FACE = TrackState.POINTS * 2 * Float.BYTES;

  @Override
  public Serializer<TrackState> serializer() {
    return (topic, state) -> state == null ? null : write(state);
  }

  @Override
  public Deserializer<TrackState> deserializer() {
    return (topic, bytes) -> bytes == null ? null : read(bytes);
  }

  static byte[] write(TrackState state) {
    ByteBuffer out = ByteBuffer.allocate(HEADER + FACE * state.faces().size());
    out.put(VERSION).putLong(state.lastSequence()).putInt(state.framesSinceDetection()).putInt(state.faces().size());
    for (float[] face : state.faces()) {
      for (float v : face) {
        out.putFloat(v);
      }
    }
    return out.array();
  }

  static TrackState read(byte[] bytes) {
    if (bytes.length < HEADER) {
      throw new SerializationException("track state too short: " + bytes.length + " bytes, need at least " + HEADER);
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    byte version = in.get();
    if (version != VERSION) {
      throw new SerializationException("track state format version " + version + " is unknown (this build reads " + VERSION + ")");
    }
    try {
      long sequence = in.getLong();
      int sinceDetection = in.getInt();
      int count = in.getInt();
      if (count < 0 || (long) count * FACE != in.remaining()) {
        throw new SerializationException(
            "track state says " + count + " faces but holds " + in.remaining() + " bytes of landmarks");
      }
      List<float[]> faces = new ArrayList<>(count);
      for (int f = 0; f < count; f++) {
        float[] face = new float[TrackState.POINTS * 2];
        for (int i = 0; i < face.length; i++) {
          face[i] = in.getFloat();
        }
        faces.add(face);
      }
      return new TrackState(sequence, sinceDetection, faces);
    } catch (IllegalArgumentException | BufferUnderflowException e) {
      throw new SerializationException("track state is invalid: " + e.getMessage(), e);
    }
  }
}
