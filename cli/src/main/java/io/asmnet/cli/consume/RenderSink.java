package io.asmnet.cli.consume;

import java.io.IOException;
import org.bytedeco.opencv.opencv_core.Mat;

/** Where rendered frames go: an MP4 file or a folder of PNGs. Owns its writer; close it. */
public interface RenderSink extends AutoCloseable {

  /** Writes one rendered 8-bit BGR frame (the sink does not keep {@code bgr}). */
  void write(String cameraId, long sequence, Mat bgr) throws IOException;

  /** Frames written so far. */
  long written();

  @Override
  void close() throws IOException;
}
