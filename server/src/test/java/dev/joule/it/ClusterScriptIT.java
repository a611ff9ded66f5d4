package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/local/cluster.sh as a user runs it: start (its own nats-server, g1, p1, p2 on the
 * machine's PostgreSQL), a charger booted through g1 and processed by a processor, status, stop.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ClusterScriptIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent(); // tests run in server/
  private static final Path SCRIPT = ROOT.resolve("deploy/local/cluster.sh");

  @TempDir Path dir;

  private final String name = "joule-script-" + UUID.randomUUID().toString().substring(0, 8);
  private final String database = name.replace('-', '_');

  @Test
  void startBootsAChargerThroughTheGatewayToAProcessorAndStopEndsEveryProcessItStarted()
      throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/sbin/nats-server")) || onPath("nats-server"),
        "No nats-server binary (PATH or /usr/sbin): deploy/local/cluster.sh not tested");
    assumeTrue(
        Cluster.postgresAnswers(),
        "No PostgreSQL at 127.0.0.1:5432 for user postgres: deploy/local/cluster.sh not tested");
    Map<String, String> environment = environment();
    int gateway = Integer.parseInt(environment.get("CLUSTER_G1_PORT"));
    try {
      Result start = script(environment, "start", "--no-build");
      assertThat(start.code).as(start.output).isZero();
      assertThat(start.output).contains("created database " + database, "g1", "p1", "p2");

      try (RawCharger charger = RawCharger.connect(gateway, "CP-SCRIPT")) {
        assertThat(charger.call(boot("b1"))).startsWith("[3,\"b1\"").contains("\"Accepted\"");
      }
      Await.until(() -> processedByProcessors(gateway) >= 1, Duration.ofSeconds(10));
      assertThat(count("SELECT count(*) FROM charger WHERE id = 'CP-SCRIPT' AND vendor = 'Joule'"))
          .isEqualTo(1);

      Result status = script(environment, "status");
      assertThat(status.code).as(status.output).isZero();
      assertThat(status.output.lines().filter(line -> line.contains(" alive")).count())
          .as(status.output)
          .isEqualTo(4); // nats, g1, p1, p2
      assertThat(status.output.split("\"status\":\"ready\"", -1).length - 1)
          .as(status.output)
          .isEqualTo(3);

      List<Long> pids = pids();
      assertThat(pids).hasSize(4).allMatch(ClusterScriptIT::alive);
      Result stop = script(environment, "stop");
      assertThat(stop.code).as(stop.output).isZero();
      assertThat(pids).noneMatch(ClusterScriptIT::alive);
      assertThat(script(environment, "status").output).contains("not running");
    } finally {
      script(environment, "stop"); // a failed assertion leaves nothing running
      sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  /** Its own cluster name, database, state directory and ports; no JOULE_* of the caller. */
  private Map<String, String> environment() throws IOException {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("CLUSTER_STATE_DIR", dir.resolve("state").toString());
    environment.put("JOULE_DB_URL", Cluster.POSTGRES + database + "?user=postgres");
    environment.put("JOULE_CLUSTER", name);
    environment.put("JOULE_API_TOKEN", JouleServer.TOKEN);
    for (String port : List.of("G1", "P1", "P2", "NATS")) {
      environment.put("CLUSTER_" + port + "_PORT", Integer.toString(freePort()));
    }
    return environment;
  }

  private record Result(int code, String output) {}

  private Result script(Map<String, String> environment, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(arguments));
    Path output = Files.createTempFile(dir, "script", ".out");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().keySet().removeIf(variable -> variable.startsWith("JOULE_"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(75, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", arguments) + " did not end in 75 s");
    }
    return new Result(process.exitValue(), Files.readString(output));
  }

  private List<Long> pids() throws IOException {
    List<Long> pids = new ArrayList<>();
    for (String process : List.of("nats", "g1", "p1", "p2")) {
      pids.add(Long.parseLong(Files.readString(dir.resolve("state/" + process + ".pid")).strip()));
    }
    return pids;
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Messages p1 and p2 processed, from g1's /api/v1/health (g1 runs no processor). */
  private static long processedByProcessors(int port) {
    try {
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health"))
                      .header("Authorization", "Bearer " + JouleServer.TOKEN)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      long processed = 0;
      for (JsonNode instance : JSON.readTree(health.body()).path("instances")) {
        if (List.of("p1", "p2").contains(instance.path("id").asText())) {
          processed += instance.path("processed").asLong();
        }
      }
      return processed;
    } catch (Exception e) {
      return 0;
    }
  }

  private long count(String query) throws SQLException {
    try (var connection =
            DriverManager.getConnection(Cluster.POSTGRES + database + "?user=postgres");
        var rows = connection.createStatement().executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void sql(String statement) throws SQLException {
    try (var connection = DriverManager.getConnection(Cluster.POSTGRES + "postgres?user=postgres");
        var s = connection.createStatement()) {
      s.execute(statement);
    }
  }

  private static boolean onPath(String command) {
    for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, command))) {
        return true;
      }
    }
    return false;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String boot(String id) {
    return "[2,\""
        + id
        + "\",\"BootNotification\",{\"chargePointVendor\":\"Joule\",\"chargePointModel\":\"IT\"}]";
  }
}
