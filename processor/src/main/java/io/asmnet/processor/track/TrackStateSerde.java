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
 * version (1 byte, = 2), lastSequence (8), framesSinceDetection (4), face count (4), then per face
 * 136 landmark floats and 4 anchor floats (boxSide, anchorExtent, offsetX, offsetY; see {@link
 * TrackedFace}), 4 bytes each: 560 bytes a face. Version 1 (landmarks only, written by older
 * builds) is still read: its faces are anchored on their own landmarks ({@link
 * TrackedFace#anchoredOnItself}), the old tracking rule, until the next detection. Any other
 * version byte, or a length that does not match the face count, is refused with a {@link
 * SerializationException}.
 */
public final class TrackStateSerde implements Serde<TrackState> {
  static final byte VERSION = 2;
  static final byte VERSION_LANDMARKS_ONLY = 1;
  private static final int HEADER = 1 + 8 + 4 + 4;
  private static final int LANDMARKS = TrackState.POINTS * 2 * Float.BYTES;
  private static final int FACE = LANDMARKS + 4 * Float.BYTES;

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
    out.put(VERSION)
        .putLong(state.lastSequence())
        .putInt(state.framesSinceDetection())
        .putInt(state.faces().size());
    for (TrackedFace face : state.faces()) {
      for (float v : face.landmarks()) {
        out.putFloat(v);
      }
      out.putFloat(face.boxSide())
          .putFloat(face.anchorExtent())
          .putFloat(face.offsetX())
          .putFloat(face.offsetY());
    }
    return out.array();
  }

  static TrackState read(byte[] bytes) {
    if (bytes.length < HEADER) {
      throw new SerializationException(
          "track state too short: " + bytes.length + " bytes, need at least " + HEADER);
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    byte version = in.get();
    if (version != VERSION && version != VERSION_LANDMARKS_ONLY) {
      throw new SerializationException(
          "track state format version "
              + version
              + " is unknown (this build reads "
              + VERSION_LANDMARKS_ONLY
              + " and "
              + VERSION
              + ")");
    }
    try {
      long sequence = in.getLong();
      int sinceDetection = in.getInt();
      int count = in.getInt();
      int faceBytes = version == VERSION ? FACE : LANDMARKS;
      if (count < 0 || (long) count * faceBytes != in.remaining()) {
        throw new SerializationException(
            "track state (version "
                + version
                + ") says "
                + count
                + " faces but holds "
                + in.remaining()
                + " bytes of faces, "
                + faceBytes
                + " each");
      }
      List<TrackedFace> faces = new ArrayList<>(count);
      for (int f = 0; f < count; f++) {
        float[] landmarks = new float[TrackState.POINTS * 2];
        for (int i = 0; i < landmarks.length; i++) {
          landmarks[i] = in.getFloat();
        }
        faces.add(
            version == VERSION
                ? new TrackedFace(
                    landmarks, in.getFloat(), in.getFloat(), in.getFloat(), in.getFloat())
                : TrackedFace.anchoredOnItself(landmarks));
      }
      return new TrackState(sequence, sinceDetection, faces);
    } catch (IllegalArgumentException | BufferUnderflowException e) {
      throw new SerializationException("track state is invalid: " + e.getMessage(), e);
    }
  }
}
