package dev.joule.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScaleOutConfigTest {
  static final String DB = "jdbc:postgresql://127.0.0.1:5432/joule?user=postgres";

  @Test
  void withoutNatsEveryRoleRunsInOneJvmOnTheInProcessBus() {
    Config config = ConfigLoader.load(Optional.empty(), Map.of(), Map.of());

    assertThat(config.roles()).isEqualTo(Set.of(Role.values()));
    assertThat(config.bus()).isEmpty();
  }

  @Test
  void theIssuesGatewayNodeExampleIsAccepted() {
    Config config =
        ConfigLoader.load(
            Optional.empty(),
            Map.of(
                "JOULE_NATS_URL", "nats://127.0.0.1:4222",
                "JOULE_DB_URL", DB,
                "JOULE_ROLES", "gateway,api,supervisor",
                "JOULE_NODE_ID", "g1"),
            Map.of());

    assertThat(config.roles()).containsExactlyInAnyOrder(Role.GATEWAY, Role.API, Role.SUPERVISOR);
    assertThat(config.bus())
        .contains(new Config.Bus("nats://127.0.0.1:4222", "joule", "g1", 5, Duration.ofSeconds(3)));
  }

  @Test
  void theNodeIdDefaultsToHostAndPidInCharactersNatsAllows() {
    Config config =
        ConfigLoader.load(
            Optional.empty(), Map.of(), Map.of("nats-url", "nats://n:4222", "db-url", DB));

    assertThat(config.bus().orElseThrow().nodeId())
        .endsWith("-" + ProcessHandle.current().pid())
        .matches("[A-Za-z0-9_-]+");
  }

  @Test
  void anUnknownRoleIsNamed() {
    assertThatThrownBy(() -> load("roles", "gateway,cooker", "nats-url", "nats://n:4222"))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("roles")
        .hasMessageContaining("unknown role 'cooker'");
  }

  @Test
  void someRolesWithoutNatsAreRefused() {
    assertThatThrownBy(() -> load("roles", "processor"))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("roles")
        .hasMessageContaining("needs nats-url");
  }

  @Test
  void natsWithoutADatabaseServerIsRefused() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Optional.empty(),
                    Map.of(),
                    Map.of("nats-url", "nats://n:4222", "roles", "processor")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("db-url")
        .hasMessageContaining("required with nats-url");
  }

  @Test
  void aClusterNameThatCannotBeASubjectIsRefused() {
    assertThatThrownBy(() -> load("nats-url", "nats://n:4222", "cluster", "a.b"))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("cluster")
        .hasMessageContaining("'a.b'");
  }

  @Test
  void aNatsUrlOfAnotherSchemeIsRefused() {
    assertThatThrownBy(() -> load("nats-url", "http://n:4222"))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("nats-url");
  }

  private static Config load(String... keyValues) {
    Map<String, String> options = new java.util.HashMap<>();
    options.put("db-url", DB);
    for (int i = 0; i < keyValues.length; i += 2) {
      options.put(keyValues[i], keyValues[i + 1]);
    }
    return ConfigLoader.load(Optional.empty(), Map.of(), options);
  }
}
