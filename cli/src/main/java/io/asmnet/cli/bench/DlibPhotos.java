package io.asmnet.cli.bench;

import io.asmnet.processor.detect.FaceBox;
import io.asmnet.trainer.data.StarterDataset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * dlib's example photos (the trainer's starter data, fetched into its cache folder when absent)
 * with the face boxes their label files mark: every {@code <box>} of {@code
 * faces/training_with_face_landmarks.xml}, then of {@code faces/testing_with_face_landmarks.xml},
 * in file order. The benchmarks' scenes and frames are cut from these boxes (the trainer's loader
 * keeps only the landmarks).
 */
final class DlibPhotos {
  static final List<String> LABELS =
      List.of("faces/training_with_face_landmarks.xml", "faces/testing_with_face_landmarks.xml");

  /** One photo and its labelled face boxes, photo pixels (score 1). */
  record Photo(Path file, List<FaceBox> faces) {
    Photo {
      faces = List.copyOf(faces);
    }
  }

  private DlibPhotos() {}

  /** The photos of both label files, fetching the starter data into {@code cacheDir} if needed. */
  static List<Photo> load(Path cacheDir) {
    Path examples = StarterDataset.locateOrFetch(cacheDir);
    List<Photo> photos = new ArrayList<>();
    for (String labels : LABELS) {
      photos.addAll(read(examples.resolve(labels)));
    }
    return photos;
  }

  static List<Photo> read(Path xml) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    List<Photo> photos = new ArrayList<>();
    try (InputStream in = Files.newInputStream(xml)) {
      XMLStreamReader r = factory.createXMLStreamReader(in);
      Path file = null;
      List<FaceBox> boxes = new ArrayList<>();
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("image")) {
          file = xml.getParent().resolve(r.getAttributeValue(null, "file"));
          boxes = new ArrayList<>();
        } else if (event == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("box")) {
          boxes.add(
              new FaceBox(num(r, "left"), num(r, "top"), num(r, "width"), num(r, "height"), 1f));
        } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("image")) {
          photos.add(new Photo(file, boxes));
        }
      }
      r.close();
    } catch (IOException | XMLStreamException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot read the face boxes of " + xml + ": " + e.getMessage(), e);
    }
    return photos;
  }

  private static float num(XMLStreamReader r, String attribute) {
    return Float.parseFloat(r.getAttributeValue(null, attribute));
  }
}
