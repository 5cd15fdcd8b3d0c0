package io.asmnet.trainer.teacher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asmnet.trainer.data.HeadPose;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a teacher-label file (JSON Lines, written by {@code trainer label}): a face of a
 * photo or of a sampled video frame, who it is, its split, and its fused label. Coordinates are
 * rounded to 0.01 pixel and angles to 0.01 degree so the committed file is small and stable.
 *
 * @param image {@code ROOT:PATH} of the photo or frame PNG
 * @param video {@code ROOT:PATH} of the video the frame comes from, or null
 * @param frame frame index in the video (decode order), or -1
 * @param person who the face is
 * @param split {@code train} or {@code heldout}
 * @param face index of the face among the labelled faces of its image
 */
public record TeacherLabel(
    String image, String video, int frame, String person, String split, int face, FusedFace label) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public String toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("image", image);
    if (video != null) {
      o.put("video", video);
      o.put("frame", frame);
    }
    o.put("person", person);
    o.put("split", split);
    o.put("face", face);
    ArrayNode t = o.putArray("teachers");
    label.teachers().forEach(t::add);
    if (!Double.isNaN(label.disagreement())) {
      o.put("disagreement", Math.round(label.disagreement() * 1e4) / 1e4);
    }
    ArrayNode pose = o.putArray("pose");
    for (float a : label.pose().toArray()) {
      pose.add(Math.round(a * 100) / 100.0);
    }
    ArrayNode points = o.putArray("points");
    for (float p : label.points()) {
      points.add(Math.round(p * 100) / 100.0);
    }
    return o.toString();
  }

  public static TeacherLabel fromJson(String line) {
    try {
      JsonNode o = JSON.readTree(line);
      List<String> teachers = new ArrayList<>();
      o.path("teachers").forEach(t -> teachers.add(t.asText()));
      JsonNode p = o.path("points");
      float[] points = new float[p.size()];
      for (int i = 0; i < points.length; i++) {
        points[i] = (float) p.get(i).asDouble();
      }
      JsonNode a = o.path("pose");
      HeadPose pose =
          new HeadPose(
              (float) a.get(0).asDouble(),
              (float) a.get(1).asDouble(),
              (float) a.get(2).asDouble());
      double d = o.has("disagreement") ? o.get("disagreement").asDouble() : Double.NaN;
      return new TeacherLabel(
          o.path("image").asText(),
          o.has("video") ? o.get("video").asText() : null,
          o.has("frame") ? o.get("frame").asInt() : -1,
          o.path("person").asText(),
          o.path("split").asText(),
          o.path("face").asInt(),
          new FusedFace(points, pose, teachers, d));
    } catch (java.io.IOException | RuntimeException e) {
      throw new IllegalArgumentException("bad teacher-label line: " + e.getMessage(), e);
    }
  }
}
