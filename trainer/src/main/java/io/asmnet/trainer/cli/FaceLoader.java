package io.asmnet.trainer.cli;

import io.asmnet.trainer.data.LabelledFace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads labelled faces from an annotation file (the data package's {@code DlibXmlLoader::load}). */
@FunctionalInterface
public interface FaceLoader {
  List<LabelledFace> load(Path file) throws IOException;
}
