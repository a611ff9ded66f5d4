package dev.joule.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joule.ocpp.message.core.AuthorizationStatus;
import dev.joule.security.AdmissionPolicy;
import dev.joule.security.SecurityProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void defaultsDescribeTheEmbeddedDemo() {
    Config config = ConfigLoader.load(Optional.empty(), Map.of(), Map.of());

    assertThat(config.port()).isEqualTo(8180);
    assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(config.embeddedDatabase()).isTrue();
    assertThat(config.security().admission()).isEqualTo(AdmissionPolicy.AUTO_REGISTER);
    assertThat(config.security().minimum()).isEqualTo(SecurityProfile.NONE);
    assertThat(config.core().unknownIdTags()).isEqualTo(AuthorizationStatus.ACCEPTED);
    assertThat(config.gateway().maxFrameBytes()).isEqualTo(65536);
    assertThat(config.gateway().replyDeadline()).isEqualTo(Duration.ofSeconds(20));
    assertThat(config.ackWait()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.messageLogRetention()).isEqualTo(Duration.ofDays(7));
    assertThat(config.eventLoops()).isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void eventLoopsCanBeSetApartFromTheCores() {
    Config config = ConfigLoader.load(Optional.empty(), Map.of("JOULE_EVENT_LOOPS", "3"), Map.of());

    assertThat(config.eventLoops()).isEqualTo(3);
  }

  @Test
  void anExternalDatabaseRefusesUnknownIdTagsByDefault() {
    Config config =
        ConfigLoader.load(
            Optional.empty(), Map.of(), Map.of("db-url", "jdbc:postgresql://db/joule"));

    assertThat(config.dbUrl()).contains("jdbc:postgresql://db/joule");
    assertThat(config.core().unknownIdTags()).isEqualTo(AuthorizationStatus.INVALID);
  }

  @Test
  void commandLineBeatsEnvironmentBeatsFile() throws Exception {
    Path file = dir.resolve("joule.yaml");
    Files.writeString(file, "port: 9000\nworkers: 2\nping-interval: 10s\n");

    Config config =
        ConfigLoader.load(
            Optional.of(file),
            Map.of("JOULE_PORT", "9100", "JOULE_WORKERS", "3"),
            Map.of("port", "9200"));

    assertThat(config.port()).isEqualTo(9200);
    assertThat(config.workers()).isEqualTo(3);
    assertThat(config.gateway().pingInterval()).isEqualTo(Duration.ofSeconds(10));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "port|abc|port: must be a whole number from 0 to 65535, got 'abc'",
        "port|70000|port: must be a whole number from 0 to 65535, got '70000'",
        "reply-deadline|20|reply-deadline: must be a duration like 500ms, 30s, 5m, 2h or 7d above zero, got '20'",
        "ack-wait|0s|ack-wait: must be a duration like 500ms, 30s, 5m, 2h or 7d above zero, got '0s'",
        "admission|everyone|admission: must be auto-register, known-only or pending, got 'everyone'",
        "security-profile|4|security-profile: must be a whole number from 0 to 3, got '4'",
        "boot-status|Maybe|boot-status: must be one of Accepted, Pending, Rejected, got 'Maybe'",
        "unknown-id-tags|Blocked|unknown-id-tags: must be Accepted or Invalid",
        "tolerant-ping|perhaps|tolerant-ping: must be true or false, got 'perhaps'",
        "db-url|mysql://x|db-url: must start with jdbc:postgresql://, got 'mysql://x'",
        "event-loops|0|event-loops: must be a whole number from 1 to 256, got '0'",
        "event-loops|all|event-loops: must be a whole number from 1 to 256, got 'all'",
        "colour|blue|colour: unknown key",
      })
  void aBadValueStopsStartUpWithOneLineNamingTheKey(String key, String value, String message) {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(), Map.of(key, value)))
        .isInstanceOf(ConfigError.class)
        .hasMessage(message);
  }

  @Test
  void aBadEnvironmentValueNamesTheKey() {
    assertThatThrownBy(
            () -> ConfigLoader.load(Optional.empty(), Map.of("JOULE_WORKERS", "many"), Map.of()))
        .hasMessage("workers: must be a whole number from 1 to 256, got 'many'");
  }

  @Test
  void unknownKeysInTheFileAreRefused() throws Exception {
    Path file = dir.resolve("joule.yaml");
    Files.writeString(file, "port: 9000\nprot: 9001\n");

    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of(), Map.of()))
        .hasMessage("prot: unknown key in " + file);
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(missing), Map.of(), Map.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessageStartingWith("config: cannot read " + missing);
  }
}
