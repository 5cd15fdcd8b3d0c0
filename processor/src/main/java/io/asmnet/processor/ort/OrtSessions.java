package io.asmnet.processor.ort;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import io.asmnet.processor.config.InferenceDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens ONNX Runtime sessions on the configured {@link InferenceDevice}, the same way for every
 * network the processor runs (landmark model, face detectors): {@code AUTO} tries CUDA and falls
 * back to the CPU with one log line, {@code CUDA} fails when CUDA is unavailable.
 */
public final class OrtSessions {
  private static final Logger LOG = LoggerFactory.getLogger(OrtSessions.class);

  private OrtSessions() {}

  /** A session and the device it really runs on (never AUTO). */
  public record Opened(OrtEnvironment env, OrtSession session, InferenceDevice device) {}

  /**
   * @param what what the network is, for messages ("landmark model", "face detector")
   * @param threads intra-op threads on the CPU, 0 for ONNX Runtime's default
   * @throws OrtLoadException the file is missing or unreadable, is no ONNX model, or the device is
   *     unavailable
   */
  public static Opened open(Path file, InferenceDevice device, String what, int threads) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new OrtLoadException(
          what + " file " + file.toAbsolutePath() + " does not exist or is not readable");
    }
    return open(new Source(file.toString(), null), device, what, threads);
  }

  /** A network bundled as a class-path resource (read whole: these are small). */
  public static Opened openResource(
      String resource, InferenceDevice device, String what, int threads) {
    try (var in = OrtSessions.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new OrtLoadException(what + " resource " + resource + " is not on the class path");
      }
      return open(new Source("classpath:" + resource, in.readAllBytes()), device, what, threads);
    } catch (java.io.IOException e) {
      throw new OrtLoadException(
          "cannot read " + what + " resource " + resource + ": " + e.getMessage(), e);
    }
  }

  /** A file name, or a resource's name and bytes. */
  private record Source(String name, byte[] bytes) {}

  private static Opened open(Source file, InferenceDevice device, String what, int threads) {
    // ORT's own stderr logger only at FATAL: without CUDA it would print a multi-line ERROR of its
    // own next to our one log line; every failure still reaches us as an OrtException.
    OrtEnvironment env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
    if (device == InferenceDevice.CPU) {
      return new Opened(env, create(env, file, what, false, threads), InferenceDevice.CPU);
    }
    try {
      return new Opened(env, create(env, file, what, true, threads), InferenceDevice.CUDA);
    } catch (OrtLoadException e) {
      if (device == InferenceDevice.CUDA) {
        throw new OrtLoadException(
            "inference.device=cuda but CUDA is unavailable for the "
                + what
                + ": "
                + e.getMessage()
                + " (use inference.device=auto or cpu)",
            e);
      }
      LOG.info("CUDA unavailable ({}); running the {} on the CPU", firstLine(e.getCause()), what);
      return new Opened(env, create(env, file, what, false, threads), InferenceDevice.CPU);
    }
  }

  private static OrtSession create(
      OrtEnvironment env, Source file, String what, boolean cuda, int threads) {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      if (cuda) {
        options.addCUDA(0);
      }
      if (threads > 0) {
        options.setIntraOpNumThreads(threads);
      }
      return file.bytes() == null
          ? env.createSession(file.name(), options)
          : env.createSession(file.bytes(), options);
    } catch (OrtException e) {
      throw new OrtLoadException(
          (cuda ? "CUDA session failed: " : "cannot load " + what + " " + file.name() + ": ")
              + firstLine(e),
          e);
    }
  }

  /** Closes a session, logging rather than throwing: used on shutdown paths. */
  public static void closeQuietly(OrtSession session) {
    try {
      session.close();
    } catch (OrtException e) {
      LOG.warn("closing an ONNX session failed", e);
    }
  }

  public static String firstLine(Throwable t) {
    String m = t == null || t.getMessage() == null ? String.valueOf(t) : t.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
