package io.asmnet.cli.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;

/** JSON of a {@link ReplayReport} (Jackson, records as objects). */
final class ReportJson {
  private ReportJson() {}

  static String write(ReplayReport report) {
    try {
      return new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(report);
    } catch (JsonProcessingException e) {
      // Records of numbers and strings always serialise; this would be a programming error.
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }

  static ReplayReport read(String json) throws IOException {
    try {
      return new ObjectMapper().readValue(json, ReplayReport.class);
    } catch (IOException e) {
      throw new IOException("not a replay report: " + e.getMessage(), e);
    }
  }
}
