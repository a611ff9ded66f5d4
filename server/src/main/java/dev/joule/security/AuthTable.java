package dev.joule.security;

import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The one decision table of charger authentication: effective profile × TLS × credentials (security
 * whitepaper edition 3, §2). The effective profile is the higher of the charger's own and {@code
 * security-profile}, so a charger registered at profile 2 is never let in over plain ws or without
 * its key (no downgrade, whitepaper §2: "connections using another profile are rejected").
 *
 * <pre>
 * profile | TLS needed | credential
 *   0     |    no      | none
 *   1     |    no      | Basic: user = identity, password matches the stored key hash
 *   2     |    yes     | Basic, as profile 1
 *   3     |    yes     | client certificate verified against tls-client-ca-file, CN = identity
 * </pre>
 */
public final class AuthTable {
  private AuthTable() {}

  /**
   * Empty when the charger may connect, else why not.
   *
   * @param keyHash the charger's stored key hash, if it has one
   * @param keyMatches (key, hash) → whether they match ({@link KeyHash#matches} but for tests)
   */
  public static Optional<FailureReason> decide(
      SecurityProfile profile,
      String identity,
      Presented presented,
      Optional<String> keyHash,
      BiPredicate<String, String> keyMatches) {
    return switch (profile) {
      case NONE -> Optional.empty();
      case BASIC -> basic(identity, presented, keyHash, keyMatches);
      case TLS_BASIC ->
          presented.tls()
              ? basic(identity, presented, keyHash, keyMatches)
              : Optional.of(FailureReason.NO_TLS);
      case TLS_CLIENT_CERTIFICATE -> certificate(identity, presented);
    };
  }

  private static Optional<FailureReason> basic(
      String identity,
      Presented presented,
      Optional<String> keyHash,
      BiPredicate<String, String> keyMatches) {
    if (presented.basicPassword().isEmpty()) {
      return Optional.of(FailureReason.NO_CREDENTIALS);
    }
    if (!presented.basicUser().orElseThrow().equals(identity)) {
      return Optional.of(FailureReason.WRONG_USER);
    }
    if (keyHash.isEmpty()) {
      return Optional.of(FailureReason.NO_KEY);
    }
    return keyMatches.test(presented.basicPassword().get(), keyHash.get())
        ? Optional.empty()
        : Optional.of(FailureReason.WRONG_KEY);
  }

  private static Optional<FailureReason> certificate(String identity, Presented presented) {
    if (!presented.tls()) {
      return Optional.of(FailureReason.NO_TLS);
    }
    if (presented.certificateCn().isEmpty()) {
      return Optional.of(FailureReason.NO_CLIENT_CERTIFICATE);
    }
    return presented.certificateCn().get().equals(identity)
        ? Optional.empty()
        : Optional.of(FailureReason.CERTIFICATE_MISMATCH);
  }
}
