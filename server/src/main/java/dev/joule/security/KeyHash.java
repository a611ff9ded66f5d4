package dev.joule.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * AuthorizationKeys are stored only as PBKDF2-HMAC-SHA256 hashes (the JDK's), with a random salt
 * per charger: {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (Base64). {@value #ITERATIONS}
 * iterations: slow enough that a stolen table is not cracked at hash speed, cheap enough for a
 * reconnect storm (each check is one derivation of one core; KeyHashBenchmark measures it: {@code
 * ./joule bench jmh KeyHashBenchmark}). Checks run on virtual threads, never on the event loop.
 */
public final class KeyHash {
  public static final int ITERATIONS = 5_000;
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final String PREFIX = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyHash() {}

  public static String hash(String key) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return encode(ITERATIONS, salt, derive(key, salt, ITERATIONS));
  }

  /** Whether {@code key} is the one {@code stored} was made from; in constant time. */
  public static boolean matches(String key, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      return false;
    }
    int iterations;
    try {
      iterations = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      return false;
    }
    Base64.Decoder base64 = Base64.getDecoder();
    byte[] expected = base64.decode(parts[3]);
    return MessageDigest.isEqual(expected, derive(key, base64.decode(parts[2]), iterations));
  }

  private static String encode(int iterations, byte[] salt, byte[] hash) {
    Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
    return PREFIX
        + "$"
        + iterations
        + "$"
        + base64.encodeToString(salt)
        + "$"
        + base64.encodeToString(hash);
  }

  private static byte[] derive(String key, byte[] salt, int iterations) {
    // PBEKeySpec takes chars; the key's UTF-8 bytes as chars keep non-ASCII keys (refused by the
    // rule, but a stored hash must never throw) deterministic.
    char[] chars =
        new String(key.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1).toCharArray();
    PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + ALGORITHM, e);
    } finally {
      spec.clearPassword();
    }
  }
}
