package dev.joule.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.BiPredicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decision table, row by row: profile × TLS × credentials → admitted or the reason. */
class AuthTableTest {
  private static final String ID = "CP-1";
  private static final String KEY = "0123456789abcdef";
  private static final BiPredicate<String, String> MATCHES = (key, hash) -> hash.equals("h:" + key);

  @ParameterizedTest(name = "profile {0}, tls {1}, basic {2}:{3}, cn {4}, key set {5} -> {6}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // profile 0: nothing asked
        "0|false|-|-|-|false|admitted",
        // profile 1: Basic over ws or wss
        "1|false|CP-1|0123456789abcdef|-|true|admitted",
        "1|true|CP-1|0123456789abcdef|-|true|admitted",
        "1|false|-|-|-|true|no-credentials",
        "1|false|CP-1|wrong-key-wrong-key|-|true|wrong-key",
        "1|false|CP-2|0123456789abcdef|-|true|wrong-user",
        "1|false|CP-1|0123456789abcdef|-|false|no-key-registered",
        // profile 2: TLS and Basic; plain ws is a downgrade
        "2|true|CP-1|0123456789abcdef|-|true|admitted",
        "2|false|CP-1|0123456789abcdef|-|true|no-tls",
        "2|true|-|-|-|true|no-credentials",
        "2|true|CP-1|wrong-key-wrong-key|-|true|wrong-key",
        // profile 3: TLS and a client certificate with CN = identity; Basic does not replace it
        "3|true|-|-|CP-1|false|admitted",
        "3|true|CP-1|0123456789abcdef|-|true|no-client-certificate",
        "3|true|-|-|CP-2|false|certificate-cn-mismatch",
        "3|false|-|-|CP-1|false|no-tls",
      })
  void decides(
      int profile,
      boolean tls,
      String user,
      String password,
      String cn,
      boolean keySet,
      String expected) {
    Presented presented =
        new Presented(
            tls, Optional.ofNullable(user), Optional.ofNullable(password), Optional.ofNullable(cn));

    Optional<FailureReason> decided =
        AuthTable.decide(
            SecurityProfile.of(profile),
            ID,
            presented,
            keySet ? Optional.of("h:" + KEY) : Optional.empty(),
            MATCHES);

    assertThat(decided.map(FailureReason::tag).orElse("admitted")).isEqualTo(expected);
  }
}
