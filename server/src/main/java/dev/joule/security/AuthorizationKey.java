package dev.joule.security;

import java.util.Optional;

/**
 * The AuthorizationKey rule: {@value #MIN_LENGTH} to {@value #MAX_LENGTH} printable ASCII
 * characters. The security whitepaper (edition 3, §3.2 "AuthorizationKey") asks for at least 16
 * bytes and at most 20; many chargers take it as 40 hex digits (20 bytes written out), so both fit.
 */
public final class AuthorizationKey {
  public static final int MIN_LENGTH = 16;
  public static final int MAX_LENGTH = 40;

  /** The ChangeConfiguration key of the whitepaper (§3.2); compared case-insensitively. */
  public static final String CONFIGURATION_KEY = "AuthorizationKey";

  private AuthorizationKey() {}

  /** Why {@code key} is not a valid AuthorizationKey, or empty when it is. Never quotes the key. */
  public static Optional<String> problem(String key) {
    if (key.length() < MIN_LENGTH || key.length() > MAX_LENGTH) {
      return Optional.of(
          "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters, has " + key.length());
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return Optional.of("must be printable ASCII (character " + i + " is not)");
      }
    }
    return Optional.empty();
  }

  public static boolean isKeyName(String configurationKey) {
    return CONFIGURATION_KEY.equalsIgnoreCase(configurationKey);
  }
}
