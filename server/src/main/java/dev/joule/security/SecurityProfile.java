package dev.joule.security;

/**
 * The security profiles of "Improved security for OCPP 1.6-J" (edition 3, §2), in order: a higher
 * one is stricter, and a charger's effective profile is the higher of its own and {@code
 * security-profile}. The ordinal is the profile's number.
 */
public enum SecurityProfile {
  /** 0: no authentication (test only in the whitepaper; Joule's embedded demo default). */
  NONE,
  /** 1: HTTP Basic (user = identity, password = AuthorizationKey), ws or wss. */
  BASIC,
  /** 2: TLS with the server's certificate, plus HTTP Basic. */
  TLS_BASIC,
  /** 3: TLS with a client certificate whose CN is the identity. */
  TLS_CLIENT_CERTIFICATE;

  public int level() {
    return ordinal();
  }

  public static SecurityProfile of(int level) {
    if (level < 0 || level > 3) {
      throw new IllegalArgumentException("security profile must be 0 to 3, got " + level);
    }
    return values()[level];
  }

  public SecurityProfile atLeast(SecurityProfile other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
