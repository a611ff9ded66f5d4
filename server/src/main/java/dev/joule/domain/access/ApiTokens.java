package dev.joule.domain.access;

import dev.joule.store.ApiTokenRepository;
import dev.joule.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens of the API: the one given by {@code JOULE_API_TOKEN}, and those created with {@code
 * joule token create}, whose SHA-256 alone is stored. Tokens are 32 random bytes, so a plain hash
 * (no salt, no stretching) is enough: there is nothing to guess from it. Tokens cannot be revoked
 * yet, so a token once found valid is remembered.
 */
public final class ApiTokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database database;
  private final ApiTokenRepository repository;
  private final Optional<byte[]> configured;
  private final Clock clock;
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  public ApiTokens(
      Database database, ApiTokenRepository repository, Optional<String> configured, Clock clock) {
    this.database = database;
    this.repository = repository;
    this.configured = configured.map(token -> sha256(token).getBytes(StandardCharsets.UTF_8));
    this.clock = clock;
  }

  /** Creates and stores a new token; the token itself is returned once and never stored. */
  public String create(String name) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = "joule_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    database.inTransaction(
        connection -> {
          repository.insert(connection, sha256(token), name, clock.instant());
          return null;
        });
    return token;
  }

  /** Whether {@code token} is valid. Blocks on the database for a token not seen before. */
  public boolean isValid(String token) {
    String hash = sha256(token);
    if (configured.isPresent()
        && MessageDigest.isEqual(configured.get(), hash.getBytes(StandardCharsets.UTF_8))) {
      return true;
    }
    if (known.contains(hash)) {
      return true;
    }
    boolean stored = database.inTransaction(connection -> repository.exists(connection, hash));
    if (stored) {
      known.add(hash);
    }
    return stored;
  }

  /** Whether any token could be valid: one configured, or at least one stored. */
  public boolean anyConfigured() {
    return configured.isPresent()
        || database.inTransaction(connection -> repository.count(connection)) > 0;
  }

  static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
