package dev.joule.security;

import java.util.Optional;

/**
 * The charge point identity rule (decision 0011), checked in the handshake before anything is
 * stored: 1 to {@value #MAX_LENGTH} printable ASCII characters (space to '~'), no '/'. OCPP-J 1.6
 * §3.1.1 leaves the identity open but gives it in a URL path; 1.6's CiString fields (e.g.
 * chargeBoxSerialNumber) are at most 25 characters and 2.0.1's identity is 48 characters of
 * printable ASCII, which this rule follows. Spaces and ':' stay allowed ({@code RDAM 123} is the
 * spec's own example); the Basic auth user is compared as a whole, so ':' in it is harmless.
 */
public final class ChargerIdentity {
  public static final int MAX_LENGTH = 48;

  private ChargerIdentity() {}

  /** Why {@code id} is not a valid identity, or empty when it is. */
  public static Optional<String> problem(String id) {
    if (id.isEmpty()) {
      return Optional.of("charger identity is empty");
    }
    if (id.length() > MAX_LENGTH) {
      return Optional.of(
          "charger identity has " + id.length() + " characters, at most " + MAX_LENGTH);
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return Optional.of(
            "charger identity must be printable ASCII, has U+"
                + String.format("%04X", (int) c)
                + " at "
                + i);
      }
      if (c == '/') {
        return Optional.of("charger identity must not contain '/'");
      }
    }
    return Optional.empty();
  }
}
