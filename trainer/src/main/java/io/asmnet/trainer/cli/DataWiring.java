package io.asmnet.trainer.cli;

/**
 * Where the train command gets its data readers. The loaders live in the data package, built in
 * parallel; until it is merged these say so instead of training on nothing.
 *
 * <p>After the merge: {@code new DataWiring(new DlibXmlLoader()::load, new SampleMaker()::make)}
 * in {@link #standard()}.
 */
public record DataWiring(FaceLoader dlibXml, SampleFactory samples) {
  public static DataWiring standard() {
    return new DataWiring(
        file -> {
          throw new UnsupportedOperationException(
              "reading dlib XML needs io.asmnet.trainer.data.DlibXmlLoader, not merged yet");
        },
        (face, rng) -> {
          throw new UnsupportedOperationException(
              "cropping faces needs io.asmnet.trainer.data.SampleMaker, not merged yet");
        });
  }
}
