package dev.joule.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.domain.access.ApiTokens;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenCommandTest {
  @Test
  void theListSaysWhereEachTokenComesFromAndWhenItWasLastUsed() {
    String table =
        TokenCommand.table(
            List.of(
                new ApiTokens.Listed(
                    "configured", "JOULE_API_TOKEN", true, Optional.empty(), Optional.empty()),
                new ApiTokens.Listed(
                    "7",
                    "ops",
                    false,
                    Optional.of(Instant.parse("2026-12-01T10:00:00Z")),
                    Optional.empty()),
                new ApiTokens.Listed(
                    "8",
                    "ci",
                    false,
                    Optional.of(Instant.parse("2026-12-01T11:00:00Z")),
                    Optional.of(Instant.parse("2026-12-02T09:30:00Z")))));
    List<String> lines = table.lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("ID").contains("NAME", "CREATED", "LAST USED");
    assertThat(lines.get(1)).startsWith("configured").contains("(environment)", "(not recorded)");
    assertThat(lines.get(2))
        .startsWith("7 ")
        .contains("ops", "2026-12-01T10:00:00Z")
        .endsWith("never");
    assertThat(lines.get(3)).contains("ci", "2026-12-02T09:30:00Z");
  }
}
