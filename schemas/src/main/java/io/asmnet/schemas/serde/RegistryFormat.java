package io.asmnet.schemas.serde;

import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;

/** {@link WireFormat} in Confluent framing: one {@link RegistrySerde} per type, one registry. */
final class RegistryFormat implements WireFormat {
  private final String url;
  private final RegistrySerde<Frame> frames;
  private final RegistrySerde<PoseEvent> poseEvents;
  private final RegistrySerde<DeadLetter> deadLetters;

  RegistryFormat(RegistrySettings settings) {
    this.url = settings.apiUrl();
    this.frames = new RegistrySerde<>(Frame.class, settings);
    this.poseEvents = new RegistrySerde<>(PoseEvent.class, settings);
    this.deadLetters = new RegistrySerde<>(DeadLetter.class, settings);
  }

  @Override
  public RegistrySerde<Frame> frames() {
    return frames;
  }

  @Override
  public RegistrySerde<PoseEvent> poseEvents() {
    return poseEvents;
  }

  @Override
  public RegistrySerde<DeadLetter> deadLetters() {
    return deadLetters;
  }

  @Override
  public String description() {
    return "registry at " + url;
  }

  @Override
  public void close() {
    frames.close();
    poseEvents.close();
    deadLetters.close();
  }
}
