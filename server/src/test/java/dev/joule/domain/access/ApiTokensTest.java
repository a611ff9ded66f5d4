package dev.joule.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.store.ApiTokenRepository;
import dev.joule.store.Database;
import dev.joule.store.EmbeddedPostgres;
import dev.joule.store.TestPostgres;
import dev.joule.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ApiTokensTest {
  static final String CONFIGURED = "configured-token-0123456789";

  @TempDir static Path dataDir;
  static EmbeddedPostgres server;
  static Database database;

  final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  final ApiTokens tokens =
      new ApiTokens(database, new ApiTokenRepository(), Optional.of(CONFIGURED), clock);

  @BeforeAll
  static void start() {
    server = TestPostgres.start(dataDir);
    database = Database.open(server, 2);
  }

  @AfterAll
  static void stop() {
    database.close();
    server.close();
  }

  @Test
  void theListHasTheConfiguredTokenFirstThenTheStoredOnesWithoutSecrets() {
    String token = tokens.create("list-ops");
    List<ApiTokens.Listed> listed = tokens.list();
    assertThat(listed.getFirst())
        .isEqualTo(
            new ApiTokens.Listed(
                "configured", "JOULE_API_TOKEN", true, Optional.empty(), Optional.empty()));
    ApiTokens.Listed stored =
        listed.stream().filter(t -> t.name().equals("list-ops")).findFirst().orElseThrow();
    assertThat(stored.configured()).isFalse();
    assertThat(stored.createdAt()).contains(clock.instant());
    assertThat(stored.lastUsedAt()).isEmpty();
    assertThat(stored.toString())
        .doesNotContain(token)
        .doesNotContain(ApiTokens.fingerprint(token));
  }

  @Test
  void aRevokedTokenIsRefusedAtOnceOnTheNodeThatRevokedIt() {
    String token = tokens.create("revoke-me");
    assertThat(tokens.isValid(token)).isTrue();
    String id = idOf("revoke-me");
    assertThat(tokens.revoke(id)).isEqualTo(ApiTokens.Revocation.REVOKED);
    assertThat(tokens.knownValid(ApiTokens.fingerprint(token))).isFalse();
    assertThat(tokens.isValid(token)).isFalse();
    assertThat(tokens.revoke(id)).isEqualTo(ApiTokens.Revocation.NOT_FOUND);
    assertThat(tokens.list()).extracting(ApiTokens.Listed::name).doesNotContain("revoke-me");
  }

  @Test
  void anotherNodeRefusesARevokedTokenOnceItsRecheckIsDue() {
    ApiTokens otherNode =
        new ApiTokens(database, new ApiTokenRepository(), Optional.of(CONFIGURED), clock);
    String token = tokens.create("two-nodes");
    assertThat(otherNode.isValid(token)).isTrue();
    assertThat(tokens.revoke(idOf("two-nodes"))).isEqualTo(ApiTokens.Revocation.REVOKED);
    assertThat(otherNode.knownValid(ApiTokens.fingerprint(token))).isTrue();
    clock.advance(ApiTokens.RECHECK);
    assertThat(otherNode.isValid(token)).isFalse();
  }

  @Test
  void theConfiguredTokenCannotBeRevokedAndStaysValid() {
    assertThat(tokens.revoke("configured")).isEqualTo(ApiTokens.Revocation.CONFIGURED);
    assertThat(tokens.isValid(CONFIGURED)).isTrue();
    ApiTokens withoutConfigured =
        new ApiTokens(database, new ApiTokenRepository(), Optional.empty(), clock);
    assertThat(withoutConfigured.revoke("configured")).isEqualTo(ApiTokens.Revocation.NOT_FOUND);
    assertThat(withoutConfigured.list())
        .extracting(ApiTokens.Listed::id)
        .doesNotContain("configured");
  }

  @Test
  void lastUseIsRecordedToTheMinute() {
    String token = tokens.create("used");
    Instant first = clock.instant();
    assertThat(tokens.isValid(token)).isTrue();
    assertThat(listed("used").lastUsedAt()).contains(first);
    clock.advance(Duration.ofSeconds(30));
    assertThat(tokens.isValid(token)).isTrue();
    assertThat(listed("used").lastUsedAt()).contains(first);
    clock.advance(ApiTokens.LAST_USED_RESOLUTION);
    assertThat(tokens.isValid(token)).isTrue();
    assertThat(listed("used").lastUsedAt()).contains(clock.instant());
  }

  @Test
  void aMalformedIdIsNotFound() {
    assertThat(tokens.revoke("not-a-number")).isEqualTo(ApiTokens.Revocation.NOT_FOUND);
    assertThat(tokens.isValid("never-created-token")).isFalse();
  }

  private ApiTokens.Listed listed(String name) {
    return tokens.list().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  private String idOf(String name) {
    return listed(name).id();
  }
}
