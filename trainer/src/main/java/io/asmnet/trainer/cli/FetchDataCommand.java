package io.asmnet.trainer.cli;

import io.asmnet.trainer.data.StarterDataset;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code trainer fetch-data}: unpacks the starter set (dlib's example faces) and prints its folder.
 */
@Command(
    name = "fetch-data",
    mixinStandardHelpOptions = true,
    description =
        "Fetches the starter set (Debian package libdlib19.1) if needed and prints its examples folder.")
public final class FetchDataCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin StarterDirOption starter;

  @Override
  public Integer call() {
    Path cache = starter.cache();
    Path examples = StarterDataset.locateOrFetch(cache);
    StarterDataset.Splits splits = StarterDataset.load(examples);
    spec.commandLine()
        .getOut()
        .printf(
            "%s%n%d training faces, %d held-out faces%n",
            examples.toAbsolutePath(), splits.train().size(), splits.heldOut().size());
    return 0;
  }
}
