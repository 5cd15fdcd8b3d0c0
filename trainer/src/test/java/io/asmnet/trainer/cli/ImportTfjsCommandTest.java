package io.asmnet.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.asmnet.trainer.tfjs.TfjsModels;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportTfjsCommandTest {
  private final TrainerCli cli = new TrainerCli();
  private final StringWriter out = cli.out;
  private final StringWriter err = cli.err;

  private int run(String... args) {
    return cli.run(args);
  }

  @Test
  void shouldWriteAnOnnxFileThatOnnxRuntimeLoads(@TempDir Path dir) throws Exception {
    Path onnx = dir.resolve("blazeface.onnx");
    int code =
        run("import-tfjs", TfjsModels.humanModel("blazeface").toString(), "--out", onnx.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("wrote " + onnx);
    try (OrtSession s =
        OrtEnvironment.getEnvironment()
            .createSession(Files.readAllBytes(onnx), new OrtSession.SessionOptions())) {
      assertThat(s.getInputNames()).containsExactly("input");
      assertThat(s.getOutputNames()).hasSize(4);
    }
  }

  @Test
  void shouldRefuseAnUnsupportedOpNamingItAndItsNode(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("model.json");
    Files.writeString(
        json,
        """
        {"format": "graph-model", "modelTopology": {"node": [
          {"name": "x", "op": "Placeholder", "attr": {"shape": {"shape": {"dim": [{"size": "1"}, {"size": "4"}]}}}},
          {"name": "probabilities", "op": "Softmax", "input": ["x"]}]},
         "weightsManifest": []}
        """);
    int code = run("import-tfjs", json.toString(), "--out", dir.resolve("m.onnx").toString());
    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("TFJS op Softmax (node probabilities) is not supported");
    assertThat(dir.resolve("m.onnx")).doesNotExist();
  }
}
