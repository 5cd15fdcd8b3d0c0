package io.asmnet.trainer.teacher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The committed derived data of the FaceMesh teacher ({@value #RESOURCE}, made by {@code trainer
 * learn-mesh-map}): the 468 -> 68 {@link MeshMapping}, the {@link CanonicalMesh} for pose, and how
 * they were learned (faces, NME on the training and held-out faces).
 */
public record MeshTeacherFile(
    MeshMapping mapping,
    CanonicalMesh canonical,
    int trainFaces,
    double trainNme,
    int heldOutFaces,
    double heldOutNme) {
  /** Classpath resource (next to this class) of the committed file. */
  public static final String RESOURCE = "facemesh_68.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The committed file. */
  public static MeshTeacherFile load() {
    try (InputStream in = MeshTeacherFile.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
      }
      return parse(JSON.readTree(in));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  public static MeshTeacherFile read(Path file) throws IOException {
    return parse(JSON.readTree(file.toFile()));
  }

  public void write(Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put(
        "comment",
        "FaceMesh (MediaPipe, @vladmandic/human@3.3.6 models/facemesh.json) 468 vertices to the "
            + "iBUG 68 points, learned on dlib's labelled training faces by `trainer learn-mesh-map`; "
            + "canonical: mean mesh for head pose (project frame). Derived data; see docs/DATA.md.");
    root.put("trainFaces", trainFaces);
    root.put("trainNme", round(trainNme));
    root.put("heldOutFaces", heldOutFaces);
    root.put("heldOutNme", round(heldOutNme));
    ArrayNode points = root.putArray("points");
    for (int p = 0; p < MeshMapping.POINTS; p++) {
      ObjectNode point = points.addObject();
      ArrayNode v = point.putArray("vertices");
      ArrayNode w = point.putArray("weights");
      for (int j = 0; j < mapping.vertices()[p].length; j++) {
        v.add(mapping.vertices()[p][j]);
        w.add(round(mapping.weights()[p][j]));
      }
    }
    ArrayNode xyz = root.putArray("canonical");
    for (double c : canonical.xyz()) {
      xyz.add(c);
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    JSON.writeValue(file.toFile(), root);
  }

  private static MeshTeacherFile parse(JsonNode root) {
    JsonNode points = root.path("points");
    int[][] vertices = new int[MeshMapping.POINTS][];
    double[][] weights = new double[MeshMapping.POINTS][];
    if (points.size() != MeshMapping.POINTS) {
      throw new IllegalStateException(
          "expected " + MeshMapping.POINTS + " points, got " + points.size());
    }
    for (int p = 0; p < MeshMapping.POINTS; p++) {
      JsonNode v = points.get(p).path("vertices");
      JsonNode w = points.get(p).path("weights");
      vertices[p] = new int[v.size()];
      weights[p] = new double[w.size()];
      for (int j = 0; j < v.size(); j++) {
        vertices[p][j] = v.get(j).asInt();
      }
      for (int j = 0; j < w.size(); j++) {
        weights[p][j] = w.get(j).asDouble();
      }
    }
    JsonNode c = root.path("canonical");
    double[] xyz = new double[c.size()];
    for (int i = 0; i < xyz.length; i++) {
      xyz[i] = c.get(i).asDouble();
    }
    return new MeshTeacherFile(
        new MeshMapping(vertices, weights),
        new CanonicalMesh(xyz),
        root.path("trainFaces").asInt(),
        root.path("trainNme").asDouble(),
        root.path("heldOutFaces").asInt(),
        root.path("heldOutNme").asDouble());
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
