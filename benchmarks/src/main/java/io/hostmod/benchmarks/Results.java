package io.hostmod.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Where the benchmark programs leave their numbers for {@link Report}: lines of
 * {@code <key> <value>} appended to a file, or nothing when no file is given.
 */
final class Results {

  private final Path file;

  Results(Path file) {
    this.file = file;
  }

  /** Results going to the file named by the argument at {@code index}, if there is one. */
  static Results fromArgument(String[] args, int index) {
    return new Results(args.length > index ? Path.of(args[index]) : null);
  }

  void put(String key, double value) {
    if (file == null) {
      return;
    }
    try {
      Files.writeString(file, key + " " + String.format(Locale.ROOT, "%.3f", value) + "\n",
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
