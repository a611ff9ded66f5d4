package dev.joule.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.joule.supervision.SupervisionSettings.OnFailure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The files under {@code deploy/} name only settings Joule reads, with values it accepts: a renamed
 * key or a typo in a unit would otherwise start a node with a default nobody chose. The compose
 * file is not run here (no Docker daemon), so its structure is checked.
 */
class DeployFilesTest {
  private static final Path ROOT = repositoryRoot();
  private static final Path DEPLOY = ROOT.resolve("deploy");
  private static final Pattern VARIABLE = Pattern.compile("\\bJOULE_[A-Z0-9_]+");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everyJouleVariableUnderDeployIsASettingOrALauncherVariable() throws IOException {
    Set<String> known = new TreeSet<>(settingVariables());
    known.add(Config.API_TOKEN_VARIABLE);
    known.addAll(variablesIn(ROOT.resolve("joule"))); // JOULE_JAVA_OPTS, JOULE_NO_BUILD

    Map<Path, Set<String>> used = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(DEPLOY)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        used.put(DEPLOY.relativize(file), variablesIn(file));
      }
    }

    assertThat(used.get(Path.of("systemd/joule-processor@.service")))
        .contains("JOULE_ON_PROCESSING_FAILURE", "JOULE_NODE_ID", "JOULE_ROLES");
    assertThat(used.get(Path.of("compose/joule.env"))).contains("JOULE_NATS_URL", "JOULE_DB_URL");
    used.forEach(
        (file, variables) ->
            assertThat(variables).as("JOULE_ variables in deploy/" + file).isSubsetOf(known));
  }

  @Test
  void theGatewayUnitWithTheExampleEnvFilesIsAValidGatewayConfiguration() throws IOException {
    Path unit = DEPLOY.resolve("systemd/joule-gateway.service");

    Config config = load(unitEnvironment(unit, ""));

    assertThat(config.roles()).containsExactlyInAnyOrder(Role.GATEWAY, Role.API, Role.SUPERVISOR);
    assertThat(config.bus().orElseThrow().nodeId()).isEqualTo("g1");
    assertThat(config.port()).isEqualTo(8180);
    assertThat(directives(unit, "Restart")).containsExactly("always");
    assertThat(directives(unit, "RestartPreventExitStatus"))
        .containsExactly(Integer.toString(Main.BAD_CONFIGURATION));
  }

  @Test
  void aProcessorUnitInstanceIsItsNodeIdAndExitsToBeRestarted() throws IOException {
    Path unit = DEPLOY.resolve("systemd/joule-processor@.service");

    Config config = load(unitEnvironment(unit, "p1"));

    assertThat(config.roles()).containsExactly(Role.PROCESSOR);
    assertThat(config.bus().orElseThrow().nodeId()).isEqualTo("p1");
    assertThat(config.port()).isEqualTo(8181); // from processor-p1.env
    assertThat(config.supervision().onFailure()).isEqualTo(OnFailure.EXIT);
    assertThat(directives(unit, "Restart")).containsExactly("always");
  }

  @Test
  void composeRunsNatsWithJetStreamPostgresAGatewayAndTwoProcessors() throws IOException {
    JsonNode services =
        YAML.readTree(DEPLOY.resolve("compose/compose.yaml").toFile()).path("services");

    assertThat(services.properties().stream().map(Map.Entry::getKey))
        .containsExactly("nats", "postgres", "gateway", "processor-1", "processor-2");
    assertThat(services.path("nats").path("command").toString()).contains("\"-js\"");
    Config gateway = load(composeEnvironment(services.path("gateway")));
    assertThat(gateway.roles()).containsExactlyInAnyOrder(Role.GATEWAY, Role.API, Role.SUPERVISOR);
    assertThat(gateway.dbUrl())
        .contains("jdbc:postgresql://postgres:5432/joule?user=joule&password=joule");
    assertThat(gateway.bus().orElseThrow().natsUrl()).isEqualTo("nats://nats:4222");
    assertThat(services.path("gateway").path("ports").toString()).contains("8180:8180");
    for (String name : List.of("processor-1", "processor-2")) {
      JsonNode service = services.path(name);
      Config processor = load(composeEnvironment(service));
      assertThat(processor.roles()).as(name).containsExactly(Role.PROCESSOR);
      assertThat(processor.supervision().onFailure()).as(name).isEqualTo(OnFailure.EXIT);
      assertThat(service.path("restart").asText()).as(name).isEqualTo("always");
    }
    assertThat(
            Stream.of("processor-1", "processor-2")
                .map(
                    name ->
                        load(composeEnvironment(services.path(name))).bus().orElseThrow().nodeId()))
        .containsExactly("p1", "p2");
    for (String name : List.of("gateway", "processor-1", "processor-2")) {
      JsonNode build = services.path(name).path("build");
      Path context = DEPLOY.resolve("compose").resolve(build.path("context").asText()).normalize();
      assertThat(context).as(name + " build context").isEqualTo(ROOT);
      assertThat(context.resolve(build.path("dockerfile").asText())).as(name).isRegularFile();
    }
  }

  @Test
  void theClusterScriptPassesBashNAndExplainsAnEmptyStateDirectory() throws Exception {
    Path script = DEPLOY.resolve("local/cluster.sh");

    assertThat(run("bash", "-n", script.toString()).exitValue()).isZero();
    Path state = Files.createTempDirectory("deploy-files");
    Process status =
        run(Map.of("CLUSTER_STATE_DIR", state.toString()), "bash", script.toString(), "status");
    assertThat(status.exitValue()).isEqualTo(1);
    assertThat(new String(status.getInputStream().readAllBytes()))
        .contains("not running (no pids in " + state + ")");
    Files.delete(state);
  }

  @Test
  void theClusterScriptRefusesATakenPortWithOneLineNamingItsVariable() throws Exception {
    Path state = Files.createTempDirectory("deploy-files");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Process start =
          run(
              Map.of(
                  "CLUSTER_STATE_DIR",
                  state.toString(),
                  "CLUSTER_G1_PORT",
                  Integer.toString(taken.getLocalPort()),
                  "JOULE_NATS_URL",
                  "nats://127.0.0.1:1", // nothing is started either way
                  "JOULE_DB_URL",
                  "jdbc:postgresql://127.0.0.1:1/none"),
              "bash",
              DEPLOY.resolve("local/cluster.sh").toString(),
              "start",
              "--no-build");

      assertThat(start.exitValue()).isEqualTo(1);
      assertThat(new String(start.getInputStream().readAllBytes()))
          .isEqualTo(
              "cluster.sh: port "
                  + taken.getLocalPort()
                  + " for g1 is taken: set CLUSTER_G1_PORT to a free port\n");
    }
    Files.delete(state);
  }

  private static Set<String> settingVariables() {
    Set<String> variables = new TreeSet<>();
    for (String key : ConfigLoader.DEFAULTS.keySet()) {
      variables.add("JOULE_" + key.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
    return variables;
  }

  private static Set<String> variablesIn(Path file) throws IOException {
    Set<String> variables = new TreeSet<>();
    Matcher m = VARIABLE.matcher(Files.readString(file));
    while (m.find()) {
      variables.add(m.group());
    }
    return variables;
  }

  private static Config load(Map<String, String> environment) {
    return ConfigLoader.load(Optional.empty(), environment, Map.of());
  }

  /**
   * What systemd gives the service of {@code unit} for {@code instance}: its Environment= lines,
   * then its EnvironmentFile= files (which override them) from deploy/systemd/etc-joule.
   */
  private static Map<String, String> unitEnvironment(Path unit, String instance)
      throws IOException {
    Map<String, String> environment = new HashMap<>();
    for (String assignment : directives(unit, "Environment")) {
      put(environment, assignment.replace("%i", instance));
    }
    for (String file : directives(unit, "EnvironmentFile")) {
      boolean optional = file.startsWith("-");
      Path example =
          DEPLOY
              .resolve("systemd/etc-joule")
              .resolve(Path.of(file.replace("%i", instance)).getFileName());
      if (optional && !Files.exists(example)) {
        continue;
      }
      environment.putAll(envFile(example));
    }
    return environment;
  }

  private static List<String> directives(Path unit, String name) throws IOException {
    return Files.readAllLines(unit).stream()
        .filter(line -> line.startsWith(name + "="))
        .map(line -> line.substring(name.length() + 1))
        .toList();
  }

  private static Map<String, String> composeEnvironment(JsonNode service) {
    Map<String, String> environment = new HashMap<>();
    try {
      environment.putAll(
          envFile(DEPLOY.resolve("compose").resolve(service.path("env_file").asText())));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    service
        .path("environment")
        .properties()
        .forEach(e -> environment.put(e.getKey(), e.getValue().asText()));
    return environment;
  }

  private static Map<String, String> envFile(Path file) throws IOException {
    Map<String, String> environment = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        put(environment, line);
      }
    }
    return environment;
  }

  private static void put(Map<String, String> environment, String assignment) {
    int equals = assignment.indexOf('=');
    assertThat(equals).as("an assignment: " + assignment).isPositive();
    environment.put(assignment.substring(0, equals), assignment.substring(equals + 1));
  }

  private static Process run(String... command) throws Exception {
    return run(Map.of(), command);
  }

  private static Process run(Map<String, String> environment, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    return process;
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("deploy/README.md"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no deploy/README.md above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}
