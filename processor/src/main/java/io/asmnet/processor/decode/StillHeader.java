package io.asmnet.processor.decode;

import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.ErrorKind;

/**
 * Reads a still's format and pixel size from its header bytes (JPEG SOF segment, PNG IHDR chunk)
 * without decoding it, so oversized images are refused before any pixel is allocated.
 *
 * @param codec JPEG or PNG, from the magic bytes
 * @param width pixels
 * @param height pixels
 */
public record StillHeader(Codec codec, int width, int height) {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /**
   * Parses the header of {@code payload}.
   *
   * @throws DecodeException CORRUPT_PAYLOAD when the bytes are neither a JPEG nor a PNG, or the
   *     header is cut short or declares a zero size
   */
  public static StillHeader read(byte[] payload) throws DecodeException {
    StillHeader header;
    if (payload.length >= 2 && u8(payload, 0) == 0xFF && u8(payload, 1) == 0xD8) {
      header = readJpeg(payload);
    } else if (startsWith(payload, PNG_SIGNATURE)) {
      header = readPng(payload);
    } else {
      throw corrupt("payload is neither a JPEG (FF D8) nor a PNG (89 50 4E 47) image");
    }
    if (header.width <= 0 || header.height <= 0) {
      throw corrupt(
          header.codec + " header declares an empty image: " + header.width + "x" + header.height);
    }
    return header;
  }

  private static StillHeader readJpeg(byte[] b) throws DecodeException {
    int i = 2;
    while (i + 4 <= b.length) {
      if (u8(b, i) != 0xFF) {
        throw corrupt("JPEG marker expected at byte " + i);
      }
      int marker = u8(b, i + 1);
      if (marker == 0xFF) { // fill byte before a marker
        i++;
        continue;
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // stand-alone markers
        i += 2;
        continue;
      }
      int length = u16(b, i + 2);
      if (isStartOfFrame(marker)) {
        if (i + 9 > b.length) {
          break;
        }
        return new StillHeader(Codec.JPEG, u16(b, i + 7), u16(b, i + 5));
      }
      if (marker == 0xDA || marker == 0xD9) { // scan data or end before any frame header
        throw corrupt("JPEG has no frame header (SOF) before its image data");
      }
      i += 2 + length;
    }
    throw corrupt("JPEG header is truncated before its frame header (SOF)");
  }

  /**
   * True when a JPEG's entropy-coded data is followed by its end-of-image marker (FF D9). libjpeg
   * "decodes" a truncated file into a half-grey image with only a warning; this check is what turns
   * that into an error. Inside scan data FF is always followed by 00 or a restart marker, so the
   * first FF D9 after the first top-level start-of-scan is the real end.
   */
  public static boolean jpegHasEnd(byte[] b) {
    int i = 2;
    while (i + 4 <= b.length && u8(b, i) == 0xFF) {
      int marker = u8(b, i + 1);
      if (marker == 0xFF || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        i += marker == 0xFF ? 1 : 2;
        continue;
      }
      if (marker == 0xDA) {
        for (int j = i + 2; j + 1 < b.length; j++) {
          if (u8(b, j) == 0xFF && u8(b, j + 1) == 0xD9) {
            return true;
          }
        }
        return false;
      }
      i += 2 + u16(b, i + 2);
    }
    return false;
  }

  /** SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
  private static boolean isStartOfFrame(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }

  private static StillHeader readPng(byte[] b) throws DecodeException {
    // signature (8), chunk length (4), "IHDR" (4), width (4), height (4)
    if (b.length < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
      throw corrupt("PNG is truncated or lacks its IHDR header chunk");
    }
    long width = u32(b, 16);
    long height = u32(b, 20);
    if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
      throw corrupt("PNG header declares an impossible size: " + width + "x" + height);
    }
    return new StillHeader(Codec.PNG, (int) width, (int) height);
  }

  private static boolean startsWith(byte[] b, byte[] prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int u8(byte[] b, int i) {
    return b[i] & 0xFF;
  }

  private static int u16(byte[] b, int i) {
    return (u8(b, i) << 8) | u8(b, i + 1);
  }

  private static long u32(byte[] b, int i) {
    return ((long) u16(b, i) << 16) | u16(b, i + 2);
  }

  private static DecodeException corrupt(String message) {
    return new DecodeException(ErrorKind.CORRUPT_PAYLOAD, message);
  }
}
