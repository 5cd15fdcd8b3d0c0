package io.asmnet.trainer.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads dlib imglab XML ({@code <image file=...><box ...><part name="00" x= y=/>...}): one face per
 * box with all 68 parts; boxes with fewer parts are skipped with a log line. Image paths are
 * resolved against the XML's folder. dlib coordinates are already 0-based pixels. Faces carry no
 * pose (derive it with {@link PoseFromLandmarks}).
 */
public final class DlibXmlLoader {
  private static final Logger LOG = LoggerFactory.getLogger(DlibXmlLoader.class);
  private static final int N = 68;

  private DlibXmlLoader() {}

  /** Loads every complete face; the subset is the XML's file name without extension. */
  public static List<LabelledFace> load(Path xml) {
    String name = xml.getFileName().toString();
    return load(xml, name.endsWith(".xml") ? name.substring(0, name.length() - 4) : name);
  }

  /** Loads every complete face, labelled with the given subset name. */
  public static List<LabelledFace> load(Path xml, String subset) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = Files.newInputStream(xml)) {
      XMLStreamReader reader = factory.createXMLStreamReader(in);
      try {
        return parse(xml, subset, reader);
      } finally {
        reader.close();
      }
    } catch (NoSuchFileException e) {
      throw new DataFileException(xml, 0, "file not found", e);
    } catch (IOException e) {
      throw new DataFileException(xml, 0, "cannot read: " + e.getMessage(), e);
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      String why = e.getMessage().replace('\n', ' ');
      throw new DataFileException(xml, line, "malformed XML: " + why, e);
    }
  }

  private static List<LabelledFace> parse(Path xml, String subset, XMLStreamReader r)
      throws XMLStreamException {
    Path folder = xml.toAbsolutePath().getParent();
    List<LabelledFace> faces = new ArrayList<>();
    Path image = null;
    float[] points = null;
    boolean[] seen = null;
    int boxLine = 0;
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        int line = r.getLocation().getLineNumber();
        switch (r.getLocalName()) {
          case "image" -> image = folder.resolve(required(xml, line, r, "file"));
          case "box" -> {
            points = new float[2 * N];
            seen = new boolean[N];
            boxLine = line;
          }
          case "part" -> {
            if (points == null) {
              throw new DataFileException(xml, line, "<part> outside a <box>");
            }
            int index = parseInt(xml, line, required(xml, line, r, "name"));
            if (index < 0 || index >= N) {
              throw new DataFileException(xml, line, "part index " + index + " not in 0..67");
            }
            points[2 * index] = parseFloat(xml, line, required(xml, line, r, "x"));
            points[2 * index + 1] = parseFloat(xml, line, required(xml, line, r, "y"));
            seen[index] = true;
          }
          default -> {}
        }
      } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("box")) {
        int count = countTrue(seen);
        if (image == null) {
          throw new DataFileException(xml, boxLine, "<box> outside an <image>");
        } else if (count == N) {
          faces.add(new LabelledFace(image, points, null, subset));
        } else {
          LOG.info("{}:{}: skipping a box with {} of 68 parts", xml, boxLine, count);
        }
        points = null;
      }
    }
    return faces;
  }

  private static String required(Path xml, int line, XMLStreamReader r, String attribute) {
    String value = r.getAttributeValue(null, attribute);
    if (value == null) {
      throw new DataFileException(
          xml, line, "<" + r.getLocalName() + "> lacks attribute " + attribute);
    }
    return value;
  }

  private static int parseInt(Path xml, int line, String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new DataFileException(xml, line, "not an integer: '" + text + "'", e);
    }
  }

  static float parseFloat(Path file, int line, String text) {
    try {
      float v = Float.parseFloat(text.trim());
      if (!Float.isFinite(v)) {
        throw new NumberFormatException("not finite");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new DataFileException(file, line, "not a number: '" + text + "'", e);
    }
  }

  private static int countTrue(boolean[] flags) {
    int n = 0;
    for (boolean f : flags) {
      n += f ? 1 : 0;
    }
    return n;
  }
}
