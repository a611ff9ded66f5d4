package dev.joule.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A scaled-out Joule for one test: its own NATS cluster name on the machine's NATS (127.0.0.1:4222)
 * and its own database on the machine's PostgreSQL (127.0.0.1:5432). A gateway node runs in the
 * test's JVM; processor nodes are child JVMs, so a test can kill -9, stop and continue them by pid.
 * Skips the test with one line when NATS or PostgreSQL is not there.
 */
final class Cluster implements AutoCloseable {
  static final String NATS = "nats://127.0.0.1:4222";
  static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

  /** The PostgreSQL server the cluster's database is on: {@link #POSTGRES} or one of the test's. */
  private final String postgres;

  /** The JDBC query that logs in to it: the user, and the password where one is asked for. */
  private final String credentials;

  final String name = "joule-it-" + UUID.randomUUID().toString().substring(0, 8);
  final String database = name.replace('-', '_');
  private final Path logs;
  private final String nats;
  private final OwnNats ownNats;
  private final List<Node> children = new ArrayList<>();
  private final List<AutoCloseable> inProcess = new ArrayList<>();

  private Cluster(Path logs, String nats, OwnNats ownNats, String postgres, String credentials) {
    this.logs = logs;
    this.nats = nats;
    this.ownNats = ownNats;
    this.postgres = postgres;
    this.credentials = credentials;
  }

  static Cluster start(Path logs) {
    assumeTrue(natsAnswers(NATS), "No NATS with JetStream at " + NATS + ": scale-out not tested");
    return create(logs, NATS, null);
  }

  /**
   * A cluster on a NATS server of its own (started here on a free port, JetStream store under
   * {@code logs}), for tests that restart the server. Skips when no nats-server binary is there.
   */
  static Cluster startWithOwnNats(Path logs) throws IOException, InterruptedException {
    OwnNats own = OwnNats.start(logs.resolve("nats"));
    return create(logs, own.url(), own);
  }

  /**
   * A cluster on the machine's NATS whose database is on the PostgreSQL server at {@code postgres}
   * (e.g. {@code jdbc:postgresql://127.0.0.1:5999/}), logging in with {@code credentials} (a JDBC
   * query, e.g. an embedded server's {@code user=postgres&password=...}), for tests that restart
   * it.
   */
  static Cluster startOnPostgres(Path logs, String postgres, String credentials) {
    assumeTrue(natsAnswers(NATS), "No NATS with JetStream at " + NATS + ": scale-out not tested");
    Cluster cluster = new Cluster(logs, NATS, null, postgres, credentials);
    cluster.sql("postgres", "CREATE DATABASE " + cluster.database);
    return cluster;
  }

  private static Cluster create(Path logs, String nats, OwnNats own) {
    assumeTrue(
        postgresAnswers(),
        "No PostgreSQL at 127.0.0.1:5432 for user postgres without password: scale-out not tested");
    Cluster cluster = new Cluster(logs, nats, own, POSTGRES, "user=postgres");
    cluster.sql("postgres", "CREATE DATABASE " + cluster.database);
    return cluster;
  }

  /**
   * Stops this cluster's own NATS server (SIGTERM, as a service restart does) and starts it again.
   */
  void restartNats() throws IOException, InterruptedException {
    ownNats.restart();
  }

  String natsUrl() {
    return nats;
  }

  String dbUrl() {
    return postgres + database + "?" + credentials;
  }

  /**
   * A node in this JVM with {@code roles}, e.g. the gateway the test's chargers connect to; {@code
   * keyValues} are further configuration keys and values.
   */
  JouleServer inProcess(String nodeId, String roles, String... keyValues) {
    List<String> options =
        new ArrayList<>(
            List.of(
                "roles",
                roles,
                "nats-url",
                nats,
                "db-url",
                dbUrl(),
                "cluster",
                name,
                "node-id",
                nodeId));
    options.addAll(List.of(keyValues));
    JouleServer server = JouleServer.start(logs.resolve(nodeId), options.toArray(String[]::new));
    inProcess.add(server);
    return server;
  }

  /** A processor node in a child JVM, started and ready (it logged "Joule ready"). */
  Node processor(String nodeId) throws IOException {
    return child(nodeId, "processor");
  }

  /** A node with {@code roles} in a child JVM, started and ready (it logged "Joule ready"). */
  Node child(String nodeId, String roles) throws IOException {
    return child(nodeId, roles, Map.of());
  }

  /** The same, with {@code env} ({@code JOULE_*} variables) added to the child's environment. */
  Node child(String nodeId, String roles, Map<String, String> env) throws IOException {
    Node node = launch(nodeId, roles, env);
    Await.until(
        () -> node.logged("Joule ready") || !node.process.isAlive(), Duration.ofSeconds(60));
    if (!node.process.isAlive()) {
      throw new AssertionError(nodeId + " did not start: " + Files.readString(node.log));
    }
    return node;
  }

  /** A node with {@code roles} in a child JVM, started: it may still fail to start. */
  Node launch(String nodeId, String roles) throws IOException {
    return launch(nodeId, roles, Map.of());
  }

  private Node launch(String nodeId, String roles, Map<String, String> env) throws IOException {
    Path log = logs.resolve(nodeId + "-" + children.size() + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.joule.app.Main",
                "run",
                "--port",
                "0")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("JOULE_ROLES", roles);
    builder.environment().put("JOULE_NATS_URL", nats);
    builder.environment().put("JOULE_DB_URL", dbUrl());
    builder.environment().put("JOULE_CLUSTER", name);
    builder.environment().put("JOULE_NODE_ID", nodeId);
    builder.environment().put("JOULE_DATA_DIR", logs.resolve(nodeId).toString());
    builder.environment().putAll(env);
    Node node = new Node(nodeId, builder.start(), log);
    children.add(node);
    return node;
  }

  /** A child JVM of this cluster. */
  static final class Node {
    final String id;
    final Process process;
    final Path log;

    Node(String id, Process process, Path log) {
      this.id = id;
      this.process = process;
      this.log = log;
    }

    /**
     * The port it listens on, from its start-up lines (printed just after "Joule ready": awaited,
     * since the ready line can be in the file before them).
     */
    int port() throws IOException {
      java.util.regex.Pattern line =
          java.util.regex.Pattern.compile("HTTP API +http://<host>:(\\d+)/");
      Await.until(() -> logged(line), Duration.ofSeconds(10));
      java.util.regex.Matcher m = line.matcher(Files.readString(log));
      if (!m.find()) {
        throw new AssertionError(id + " logged no port: " + Files.readString(log));
      }
      return Integer.parseInt(m.group(1));
    }

    private boolean logged(java.util.regex.Pattern pattern) {
      try {
        return pattern.matcher(Files.readString(log)).find();
      } catch (IOException e) {
        return false;
      }
    }

    boolean logged(String text) {
      try {
        return Files.readString(log).contains(text);
      } catch (IOException e) {
        return false;
      }
    }

    void kill() throws InterruptedException {
      process.destroyForcibly(); // SIGKILL: nothing of the process runs after this
      process.waitFor();
    }

    void signal(String signal) throws IOException, InterruptedException {
      int code =
          new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
      if (code != 0) {
        throw new AssertionError("kill -" + signal + " " + process.pid() + " failed: " + code);
      }
    }
  }

  @Override
  public void close() throws Exception {
    for (Node node : children) {
      if (node.process.isAlive()) {
        node.signal("CONT"); // let a stopped child run its death
        node.process.destroyForcibly();
      }
      node.process.waitFor();
    }
    for (AutoCloseable node : inProcess.reversed()) {
      node.close();
    }
    try (Connection connection = Nats.connect(nats)) {
      for (String stream : List.of("-inbox", "-instances", "-leases", "-registry")) {
        try {
          connection
              .jetStreamManagement()
              .deleteStream(stream.equals("-inbox") ? name + stream : "KV_" + name + stream);
        } catch (Exception e) {
          // the stream may not exist when start-up failed
        }
      }
    }
    if (ownNats != null) {
      ownNats.stop();
    }
    sql("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  void sql(String db, String statement) {
    try (var connection = DriverManager.getConnection(postgres + db + "?" + credentials);
        var s = connection.createStatement()) {
      s.execute(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(statement + ": " + e.getMessage(), e);
    }
  }

  long count(String query) {
    try (var connection = DriverManager.getConnection(dbUrl());
        var s = connection.createStatement();
        var rows = s.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(query + ": " + e.getMessage(), e);
    }
  }

  static boolean natsAnswers(String url) {
    try (Connection nats =
        Nats.connect(
            new Options.Builder()
                .server(url)
                .connectionTimeout(Duration.ofSeconds(2))
                .maxReconnects(0)
                .build())) {
      nats.jetStreamManagement().getAccountStatistics();
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  static boolean postgresAnswers() {
    try (var connection = DriverManager.getConnection(POSTGRES + "postgres?user=postgres")) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }
}
