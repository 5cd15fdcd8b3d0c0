package io.asmnet.cli.clip;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.cli.CliRun;
import io.asmnet.cli.CommandFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 300, unit = TimeUnit.SECONDS) // the first run may fetch dlib's photos with apt-get
class ClipCommandTest {

  @Test
  void shouldBuildAClipFromTheFirstHeldOutPhotoAndSayWhereItIs(@TempDir Path out) throws Exception {
    CliRun run =
        CliRun.of(
            "clip",
            "--out",
            out.toString(),
            "--frames",
            "4",
            "--photos",
            "1",
            "--size",
            "160x120",
            "--fps",
            "10",
            "--seed",
            "3",
            "--data-dir",
            StarterFaces.cacheDir().toString(),
            "--no-progress");

    assertThat(run.exitCode()).as(run.err()).isZero();
    BuiltClip clip = BuiltClip.open(out);
    GroundTruth truth = GroundTruth.read(clip.groundTruthJson());
    assertThat(clip.frames()).isEqualTo(4);
    assertThat(truth.segments()).hasSize(1);
    assertThat(truth.segments().get(0).image())
        .isEqualTo(StarterFaces.photo(0).get(0).image().toString());
    assertThat(truth.spec().width()).isEqualTo(160);
    assertThat(truth.spec().height()).isEqualTo(120);
    assertThat(truth.spec().fps()).isEqualTo(10);
    assertThat(truth.spec().seed()).isEqualTo(3);
    assertThat(Files.list(clip.jpegDir())).hasSize(4);
    assertThat(run.out())
        .contains("built 4 frames", clip.mp4().toString(), clip.groundTruthJson().toString());
  }

  @Test
  void shouldRejectABadSizeWithUsageCode(@TempDir Path out) {
    CliRun odd = CliRun.of("clip", "--out", out.toString(), "--size", "161x120");
    CliRun garbled = CliRun.of("clip", "--out", out.toString(), "--size", "big");

    assertThat(odd.exitCode()).isEqualTo(CommandFailure.USAGE);
    assertThat(odd.err()).contains("even");
    assertThat(garbled.exitCode()).isEqualTo(CommandFailure.USAGE);
    assertThat(garbled.err()).contains("WIDTHxHEIGHT");
  }

  @Test
  void shouldRequireTheOutputFolder() {
    CliRun run = CliRun.of("clip");

    assertThat(run.exitCode()).isEqualTo(CommandFailure.USAGE);
    assertThat(run.err()).contains("--out");
  }
}
