package io.asmnet.trainer.data;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decodes each photo once and keeps the pixels, so that training does not decode JPEGs every epoch.
 * Bounded by total pixel bytes; the least recently used photos are dropped first. Keyed by path, so
 * the faces of one photo share one decode. Thread-safe.
 */
public final class ImageCache {
  private final long maxBytes;
  private final LinkedHashMap<Path, DecodedImage> images = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;
  private long decodes;

  /**
   * @param maxBytes upper bound on the pixel bytes held (e.g. 2 GiB ~ 4,700 photos of 450x450)
   */
  public ImageCache(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0");
    }
    this.maxBytes = maxBytes;
  }

  /**
   * The decoded photo.
   *
   * @throws DataFileException when the file is missing or not a decodable image
   */
  public DecodedImage get(Path image) {
    synchronized (this) {
      DecodedImage hit = images.get(image);
      if (hit != null) {
        return hit;
      }
    }
    DecodedImage decoded = decode(image); // outside the lock: decoding is the slow part
    synchronized (this) {
      decodes++;
      if (!images.containsKey(image) && decoded.bgr().length <= maxBytes) {
        images.put(image, decoded);
        bytes += decoded.bgr().length;
        evict();
      }
    }
    return decoded;
  }

  /** Photos held now. */
  public synchronized int size() {
    return images.size();
  }

  /** Pixel bytes held now. */
  public synchronized long sizeBytes() {
    return bytes;
  }

  /** How many times a photo was decoded (misses). */
  public synchronized long decodes() {
    return decodes;
  }

  private void evict() {
    Iterator<Map.Entry<Path, DecodedImage>> oldest = images.entrySet().iterator();
    while (bytes > maxBytes && oldest.hasNext()) {
      bytes -= oldest.next().getValue().bgr().length;
      oldest.remove();
    }
  }

  /** Decodes a photo file to BGR. */
  public static DecodedImage decode(Path image) {
    byte[] encoded;
    try {
      encoded = Files.readAllBytes(image);
    } catch (NoSuchFileException e) {
      throw new DataFileException(image, 0, "image not found", e);
    } catch (IOException e) {
      throw new DataFileException(image, 0, "cannot read image: " + e.getMessage(), e);
    }
    try (PointerScope scope = new PointerScope()) {
      Mat buffer = new Mat(new BytePointer(encoded));
      Mat bgr = imdecode(buffer, IMREAD_COLOR);
      if (bgr == null || bgr.empty()) {
        throw new DataFileException(image, 0, "not a decodable image");
      }
      byte[] pixels = new byte[bgr.cols() * bgr.rows() * 3];
      Mat continuous = bgr.isContinuous() ? bgr : bgr.clone();
      continuous.data().get(pixels);
      return new DecodedImage(bgr.cols(), bgr.rows(), pixels);
    }
  }
}
