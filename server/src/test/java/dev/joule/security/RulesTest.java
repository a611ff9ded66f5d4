package dev.joule.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The identity and key rules, the key hash, Basic parsing and redaction. */
class RulesTest {
  @Test
  void identitiesArePrintableAsciiUpTo48WithoutSlash() {
    assertThat(ChargerIdentity.problem("RDAM 123:a+c")).isEmpty();
    assertThat(ChargerIdentity.problem("x".repeat(48))).isEmpty();
    assertThat(ChargerIdentity.problem("x".repeat(49)))
        .contains("charger identity has 49 characters, at most 48");
    assertThat(ChargerIdentity.problem("a/b")).contains("charger identity must not contain '/'");
    assertThat(ChargerIdentity.problem("café")).get().asString().contains("printable ASCII");
    assertThat(ChargerIdentity.problem("")).contains("charger identity is empty");
  }

  @Test
  void keysAre16To40PrintableCharacters() {
    assertThat(AuthorizationKey.problem("0123456789abcdef")).isEmpty();
    assertThat(AuthorizationKey.problem("a".repeat(40))).isEmpty();
    assertThat(AuthorizationKey.problem("short")).contains("must be 16 to 40 characters, has 5");
    assertThat(AuthorizationKey.problem("a".repeat(41)))
        .contains("must be 16 to 40 characters, has 41");
    assertThat(AuthorizationKey.problem("0123456789abcde\n")).isPresent();
  }

  @Test
  void aKeyHashMatchesItsKeyOnlyAndIsSaltedPerCall() {
    String hash = KeyHash.hash("0123456789abcdef");

    assertThat(hash).startsWith("pbkdf2-sha256$" + KeyHash.ITERATIONS + "$").doesNotContain("0123");
    assertThat(KeyHash.matches("0123456789abcdef", hash)).isTrue();
    assertThat(KeyHash.matches("0123456789abcdeF", hash)).isFalse();
    assertThat(KeyHash.hash("0123456789abcdef")).isNotEqualTo(hash);
    assertThat(KeyHash.matches("0123456789abcdef", "garbage")).isFalse();
  }

  @Test
  void basicCredentialsSplitAfterAnIdentityContainingAColon() {
    String header =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("CP:01:key:with:colons".getBytes(StandardCharsets.UTF_8));

    assertThat(Presented.basic(header, "CP:01").orElseThrow())
        .containsExactly("CP:01", "key:with:colons");
    assertThat(Presented.basic(header, "OTHER").orElseThrow())
        .containsExactly("CP", "01:key:with:colons");
    assertThat(Presented.basic("Bearer abc", "CP:01")).isEmpty();
    assertThat(Presented.basic("Basic !!!", "CP:01")).isEmpty();
  }

  @Test
  void authorizationKeysAreRedactedFromFramesAndPayloads() {
    assertThat(
            Secrets.redact(
                "[2,\"1\",\"ChangeConfiguration\",{\"key\":\"AuthorizationKey\",\"value\":\"s3cr3t-s3cr3t-s3\"}]"))
        .isEqualTo(
            "[2,\"1\",\"ChangeConfiguration\",{\"key\":\"AuthorizationKey\",\"value\":\"***\"}]");
    assertThat(
            Secrets.redact(
                "[3,\"2\",{\"configurationKey\":[{\"value\":\"s3cr3t\",\"readonly\":false,"
                    + "\"key\":\"authorizationkey\"},{\"key\":\"HeartbeatInterval\",\"value\":\"300\"}]}]"))
        .doesNotContain("s3cr3t")
        .contains("\"value\":\"300\"");
    String other = "{\"key\":\"HeartbeatInterval\",\"value\":\"300\"}";
    assertThat(Secrets.redact(other)).isSameAs(other);
  }
}
