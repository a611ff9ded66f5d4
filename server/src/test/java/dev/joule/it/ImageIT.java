package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.joule.app.BuildInfo;
import dev.joule.app.Config;
import dev.joule.app.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OCI image {@code ./joule image} builds (issue 16), read from its tarball. The real base
 * (eclipse-temurin) cannot be pulled here, so {@code verify} builds the same image on Jib's empty
 * {@code scratch} base (server/pom.xml, execution {@code image-check}): this checks Joule's part of
 * it, not that it runs.
 */
class ImageIT {
  private static final Path TAR = Path.of("target", "image-check", "jib-image.tar");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The tarball's files by name: oci-layout, index.json and blobs/sha256/... */
  private static Map<String, byte[]> files;

  private static JsonNode manifest;
  private static JsonNode config;

  @BeforeAll
  static void read() throws Exception {
    assertThat(TAR)
        .as("written by verify's pre-integration-test (jib:buildTar on scratch)")
        .exists();
    try (InputStream in = Files.newInputStream(TAR)) {
      files = entries(in);
    }
    JsonNode index = JSON.readTree(files.get("index.json"));
    assertThat(index.path("manifests")).hasSize(1);
    JsonNode entry = index.path("manifests").get(0);
    assertThat(entry.path("mediaType").asText())
        .isEqualTo("application/vnd.oci.image.manifest.v1+json");
    manifest = JSON.readTree(blob(entry.path("digest").asText()));
    config = JSON.readTree(blob(manifest.path("config").path("digest").asText()));
  }

  @Test
  void itIsAnOciImageLayoutWhoseBlobsMatchTheirDigests() throws Exception {
    assertThat(JSON.readTree(files.get("oci-layout")).path("imageLayoutVersion").asText())
        .isEqualTo("1.0.0");
    assertThat(manifest.path("config").path("mediaType").asText())
        .isEqualTo("application/vnd.oci.image.config.v1+json");
    assertThat(config.path("os").asText()).isEqualTo("linux");
    assertThat(manifest.path("layers")).hasSize(config.path("rootfs").path("diff_ids").size());
    for (String name : files.keySet()) {
      if (name.startsWith("blobs/sha256/")) {
        assertThat(sha256(files.get(name))).as(name).isEqualTo(name.substring(13));
      }
    }
    JsonNode ref = JSON.readTree(files.get("index.json")).path("manifests").get(0);
    assertThat(ref.path("annotations").path("org.opencontainers.image.ref.name").asText())
        .isEqualTo("joule:" + BuildInfo.current().version());
  }

  @Test
  void itRunsJouleRunAsANonRootUserWithItsDataInSlashData() {
    JsonNode c = config.path("config");
    List<String> entrypoint = strings(c.path("Entrypoint"));
    assertThat(entrypoint).startsWith("sh", "-c");
    assertThat(entrypoint.get(2))
        .startsWith("exec java $JOULE_JAVA_OPTS -cp ")
        .contains("/app/classes", "/app/libs/*")
        .endsWith(" dev.joule.app.Main \"$@\"");
    assertThat(strings(c.path("Cmd"))).containsExactly("run");
    assertThat(c.path("User").asText()).isEqualTo("1000:1000");
    assertThat(c.path("WorkingDir").asText()).isEqualTo("/data");
    assertThat(c.path("Volumes").has("/data")).isTrue();
    assertThat(c.path("ExposedPorts").has("8180/tcp")).isTrue();
  }

  @Test
  void itsEnvironmentIsJoulesConfigurationWithTheDataDirectoryInSlashData() {
    Map<String, String> environment = new HashMap<>();
    for (String variable : strings(config.path("config").path("Env"))) {
      int eq = variable.indexOf('=');
      environment.put(variable.substring(0, eq), variable.substring(eq + 1));
    }
    Config loaded = ConfigLoader.load(Optional.empty(), environment, Map.of());
    assertThat(loaded.dataDir()).isEqualTo(Path.of("/data"));
    assertThat(loaded.port()).isEqualTo(8180); // the port the image exposes
  }

  @Test
  void itsLabelsSayTheVersionAndTheCommit() {
    JsonNode labels = config.path("config").path("Labels");
    BuildInfo build = BuildInfo.current();
    assertThat(labels.path("org.opencontainers.image.version").asText()).isEqualTo(build.version());
    assertThat(labels.path("org.opencontainers.image.revision").asText()).isEqualTo(build.commit());
    assertThat(labels.path("org.opencontainers.image.title").asText()).isEqualTo("Joule");
  }

  @Test
  void itsLayersHoldTheServerItsLibrariesAndAWritableSlashData() throws Exception {
    Map<String, TarArchiveEntry> paths = new HashMap<>();
    for (JsonNode layer : manifest.path("layers")) {
      assertThat(layer.path("mediaType").asText())
          .isEqualTo("application/vnd.oci.image.layer.v1.tar+gzip");
      try (InputStream in = new java.io.ByteArrayInputStream(blob(layer.path("digest").asText()));
          TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
          paths.put(e.getName(), e);
        }
      }
    }
    assertThat(paths).containsKeys("app/classes/dev/joule/app/Main.class", "data/");
    assertThat(paths.keySet())
        .anyMatch(p -> p.matches("app/libs/joule-ocpp-.+\\.jar"))
        .anyMatch(p -> p.matches("app/libs/vertx-core-.+\\.jar"))
        .anyMatch(p -> p.startsWith("app/resources/db/migration/V1__"));
    // Jib writes entries as root: uid 1000 can write its data only into a world-writable /data.
    assertThat(paths.get("data/").getMode() & 0777).isEqualTo(0777);
  }

  private static byte[] blob(String digest) {
    assertThat(digest).startsWith("sha256:");
    byte[] blob = files.get("blobs/sha256/" + digest.substring(7));
    assertThat(blob).as("blob " + digest).isNotNull();
    return blob;
  }

  private static Map<String, byte[]> entries(InputStream in) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (e.isFile()) {
          entries.put(e.getName(), tar.readAllBytes());
        }
      }
    }
    return entries;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static List<String> strings(JsonNode array) {
    List<String> strings = new ArrayList<>();
    array.forEach(n -> strings.add(n.asText()));
    return strings;
  }
}
