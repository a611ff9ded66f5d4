package dev.joule.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.joule.supervision.SupervisionSettings.OnFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The compose and Kubernetes examples that run Joule's image (deploy/compose/embedded.yaml,
 * deploy/kubernetes/): not run here (no Docker, no Kubernetes), so their structure is checked: the
 * settings load, the probes ask /health/live and /health/ready on the image's port, the data volume
 * is where the image keeps its data, every Deployment has a PodDisruptionBudget. ImageIT checks the
 * image's side (user 1000:1000, port 8180, /data).
 */
class ContainerFilesTest {
  private static final Path DEPLOY = Path.of("..", "deploy");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String IMAGE = "joule:" + BuildInfo.current().version();

  @Test
  void composeRunsTheImageOnItsEmbeddedDatabaseWithDataOnAVolume() throws IOException {
    JsonNode joule =
        YAML.readTree(DEPLOY.resolve("compose/embedded.yaml").toFile())
            .path("services")
            .path("joule");

    assertThat(joule.path("image").asText()).isEqualTo(IMAGE);
    assertThat(joule.path("volumes").get(0).asText()).endsWith(":/data");
    assertThat(joule.path("ports").get(0).asText()).isEqualTo("8180:8180");
    assertThat(joule.path("healthcheck").path("test").toString()).contains("GET /health/ready");
    Map<String, String> environment = new HashMap<>(Map.of("JOULE_DATA_DIR", "/data"));
    joule
        .path("environment")
        .properties()
        .forEach(e -> environment.put(e.getKey(), e.getValue().asText()));
    Config config = load(environment);
    assertThat(config.roles()).containsExactlyInAnyOrder(Role.values());
    assertThat(config.dbUrl()).isEmpty(); // the embedded PostgreSQL, in /data/pg
  }

  @Test
  void kubernetesRunsTheEmbeddedDefaultAsOnePodOnAVolume() throws IOException {
    Map<String, List<JsonNode>> kinds = documents("kubernetes/embedded.yaml");
    JsonNode deployment = kinds.get("Deployment").get(0);

    assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(1);
    assertThat(deployment.path("spec").path("strategy").path("type").asText())
        .isEqualTo("Recreate"); // never two embedded databases on one volume
    JsonNode container = checkPod(deployment);
    assertThat(container.path("volumeMounts").get(0).path("mountPath").asText()).isEqualTo("/data");
    assertThat(kinds.get("PersistentVolumeClaim")).hasSize(1);
    assertThat(load(environment(container, kinds)).dbUrl()).isEmpty();
    checkServicesAndBudgets(kinds);
  }

  @Test
  void kubernetesScaleOutRunsOneDeploymentPerRole() throws IOException {
    Map<String, List<JsonNode>> kinds = documents("kubernetes/scale-out.yaml");
    Map<String, Config> configs = new LinkedHashMap<>();
    for (JsonNode deployment : kinds.get("Deployment")) {
      JsonNode container = checkPod(deployment);
      configs.put(
          deployment.path("metadata").path("name").asText(), load(environment(container, kinds)));
    }

    assertThat(configs).containsOnlyKeys("joule-gateway", "joule-processor", "joule-api");
    assertThat(configs.get("joule-gateway").roles()).containsExactly(Role.GATEWAY);
    assertThat(configs.get("joule-processor").roles()).containsExactly(Role.PROCESSOR);
    assertThat(configs.get("joule-processor").supervision().onFailure()).isEqualTo(OnFailure.EXIT);
    assertThat(configs.get("joule-api").roles())
        .containsExactlyInAnyOrder(Role.API, Role.SUPERVISOR);
    configs.forEach(
        (name, config) -> {
          assertThat(config.bus()).as(name + ": on NATS").isPresent();
          assertThat(config.bus().orElseThrow().nodeId()).as(name).isEqualTo("pod-name");
          assertThat(config.dbUrl()).as(name + ": a PostgreSQL server").isPresent();
        });
    checkServicesAndBudgets(kinds);
  }

  /** The pod runs the image as its non-root user with both probes on its port; its container. */
  private static JsonNode checkPod(JsonNode deployment) {
    String name = deployment.path("metadata").path("name").asText();
    JsonNode pod = deployment.path("spec").path("template").path("spec");
    assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(name).isTrue();
    assertThat(pod.path("securityContext").path("runAsUser").asInt()).as(name).isEqualTo(1000);
    JsonNode container = pod.path("containers").get(0);
    assertThat(container.path("image").asText()).as(name).endsWith("/" + IMAGE);
    assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(8180);
    String port = container.path("ports").get(0).path("name").asText();
    for (String[] probe :
        new String[][] {{"livenessProbe", "/health/live"}, {"readinessProbe", "/health/ready"}}) {
      JsonNode get = container.path(probe[0]).path("httpGet");
      assertThat(get.path("path").asText()).as(name + " " + probe[0]).isEqualTo(probe[1]);
      assertThat(get.path("port").asText()).as(name + " " + probe[0]).isEqualTo(port);
    }
    return container;
  }

  /** Every Deployment has a budget and each Service selects the pods of a Deployment. */
  private static void checkServicesAndBudgets(Map<String, List<JsonNode>> kinds) {
    List<JsonNode> podLabels = new ArrayList<>();
    for (JsonNode deployment : kinds.get("Deployment")) {
      podLabels.add(deployment.path("spec").path("template").path("metadata").path("labels"));
    }
    List<JsonNode> budgeted = new ArrayList<>();
    for (JsonNode budget : kinds.get("PodDisruptionBudget")) {
      budgeted.add(budget.path("spec").path("selector").path("matchLabels"));
    }
    assertThat(budgeted).containsExactlyInAnyOrderElementsOf(podLabels);
    for (JsonNode service : kinds.get("Service")) {
      assertThat(podLabels)
          .as(service.path("metadata").path("name").asText())
          .contains(service.path("spec").path("selector"));
    }
  }

  /**
   * What the container's environment would be: its envFrom Secret (stringData) and ConfigMap, then
   * env; a pod's own name where it comes from a fieldRef, a secret key's value where from one.
   */
  private static Map<String, String> environment(
      JsonNode container, Map<String, List<JsonNode>> kinds) {
    Map<String, String> environment = new HashMap<>();
    for (JsonNode from : container.path("envFrom")) {
      String kind = from.has("secretRef") ? "Secret" : "ConfigMap";
      String ref =
          from.path(kind.equals("Secret") ? "secretRef" : "configMapRef").path("name").asText();
      data(kinds, kind, ref)
          .properties()
          .forEach(e -> environment.put(e.getKey(), e.getValue().asText()));
    }
    for (JsonNode variable : container.path("env")) {
      JsonNode from = variable.path("valueFrom");
      String value;
      if (from.has("fieldRef")) {
        value = "pod-name";
      } else if (from.has("secretKeyRef")) {
        JsonNode key = from.path("secretKeyRef");
        value =
            data(kinds, "Secret", key.path("name").asText())
                .path(key.path("key").asText())
                .asText();
      } else {
        value = variable.path("value").asText();
      }
      environment.put(variable.path("name").asText(), value);
    }
    return environment;
  }

  private static JsonNode data(Map<String, List<JsonNode>> kinds, String kind, String name) {
    for (JsonNode document : kinds.getOrDefault(kind, List.of())) {
      if (document.path("metadata").path("name").asText().equals(name)) {
        return document.path(kind.equals("Secret") ? "stringData" : "data");
      }
    }
    throw new AssertionError("no " + kind + " named " + name);
  }

  private static Map<String, List<JsonNode>> documents(String file) throws IOException {
    Map<String, List<JsonNode>> kinds = new HashMap<>();
    try (var documents =
        YAML.readerFor(JsonNode.class).<JsonNode>readValues(DEPLOY.resolve(file).toFile())) {
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        kinds.computeIfAbsent(document.path("kind").asText(), k -> new ArrayList<>()).add(document);
      }
    }
    return kinds;
  }

  private static Config load(Map<String, String> environment) {
    return ConfigLoader.load(Optional.empty(), environment, Map.of());
  }
}
