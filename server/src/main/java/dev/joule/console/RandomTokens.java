package dev.joule.console;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/** 256-bit tokens from {@link SecureRandom}, base64url without padding (cookie- and form-safe). */
final class RandomTokens implements Supplier<String> {
  private final SecureRandom random = new SecureRandom();

  @Override
  public String get() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
