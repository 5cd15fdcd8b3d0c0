package io.asmnet.cli.bench;

import io.asmnet.cli.publish.EncodedFrame;
import java.util.List;

/**
 * What the benchmark publishes: for each camera, its pictures in order (published in a loop when
 * more frames are asked for than there are pictures; H.264 loops restart at a keyframe).
 *
 * @param labelledFaces labelled faces in view summed over every published picture of one pass (what
 *     a perfect detector would find), for the faces/frame comparison
 */
record Workload(String description, List<List<EncodedFrame>> cameras, long labelledFaces) {
  Workload {
    if (cameras.isEmpty() || cameras.stream().anyMatch(List::isEmpty)) {
      throw new IllegalArgumentException("every camera needs pictures");
    }
    cameras = cameras.stream().map(List::copyOf).toList();
  }

  long pictures() {
    return cameras.stream().mapToLong(List::size).sum();
  }
}
