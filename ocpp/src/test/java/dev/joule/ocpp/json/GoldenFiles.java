package dev.joule.ocpp.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.joule.ocpp.Action;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Finds and reads the golden frames under {@code src/test/resources/ocpp16/<Action>/}. */
final class GoldenFiles {
  static final Path ROOT = resourceRoot();

  private static final ObjectMapper JSON = new ObjectMapper();

  private GoldenFiles() {}

  static Path file(Action action, String name) {
    return ROOT.resolve(action.wire()).resolve(name);
  }

  /** The files of an action's folder whose names start with {@code prefix}, sorted. */
  static List<Path> files(Action action, String prefix) {
    Path folder = ROOT.resolve(action.wire());
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** request-valid.json, its variants and request-minimal.json. */
  static Stream<Path> validRequests(Action action) {
    return Stream.of(
            Stream.of(file(action, "request-valid.json")),
            files(action, "request-valid-").stream(),
            Stream.of(file(action, "request-minimal.json")))
        .flatMap(s -> s);
  }

  /** {@code <Action>/<file>}: how a golden file is named in test names and messages. */
  static String label(Path file) {
    return file.getParent().getFileName() + "/" + file.getFileName();
  }

  static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(Path file) {
    return tree(text(file));
  }

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The payload of the CALL frame in {@code callFile}. */
  static JsonNode payloadOf(Path callFile) {
    return tree(callFile).get(3);
  }

  static String json(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path resourceRoot() {
    URL root =
        Objects.requireNonNull(
            GoldenFiles.class.getResource("/ocpp16"), "test resource folder ocpp16 missing");
    try {
      return Path.of(root.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
