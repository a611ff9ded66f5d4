package dev.joule.domain.access;

import dev.joule.store.ApiTokenRepository;
import dev.joule.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens of the API: the one given by {@code JOULE_API_TOKEN} (configured, not stored, so it
 * cannot be revoked but by unsetting the variable), and those created with {@code joule token
 * create}, whose SHA-256 alone is stored. Tokens are 32 random bytes, so a plain hash (no salt, no
 * stretching) is enough: there is nothing to guess from it.
 *
 * <p>A stored token found valid is remembered for {@link #RECHECK}, then asked of the database
 * again: a token revoked on this node is refused at once, one revoked on another node (or by {@code
 * joule token list|revoke} against a shared database) at most {@link #RECHECK} later. Its last use
 * is recorded to {@link #LAST_USED_RESOLUTION}, so a busy token does not write a row per request.
 */
public final class ApiTokens {
  /** The id the configured token is listed under. */
  public static final String CONFIGURED_ID = "configured";

  static final Duration RECHECK = Duration.ofSeconds(1);
  static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database database;
  private final ApiTokenRepository repository;
  private final Optional<byte[]> configured;
  private final Clock clock;

  /** Hash of a stored token found valid, and when. */
  private final Map<String, Instant> checked = new ConcurrentHashMap<>();

  /**
   * A token as listed: never the token or its hash. The configured one has no creation time, and
   * was never used when {@code lastUsedAt} is empty (the configured one's use is not recorded).
   */
  public record Listed(
      String id,
      String name,
      boolean configured,
      Optional<Instant> createdAt,
      Optional<Instant> lastUsedAt) {}

  /** What {@link #revoke} did. */
  public enum Revocation {
    REVOKED,
    NOT_FOUND,
    /** The token from {@code JOULE_API_TOKEN}: not stored, so not revocable here. */
    CONFIGURED
  }

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

  /** Whether {@code token} is valid. May block on the database. */
  public boolean isValid(String token) {
    return isValidFingerprint(fingerprint(token));
  }

  /**
   * What identifies a token without being it (its SHA-256), e.g. for a console session to remember
   * which token opened it.
   */
  public static String fingerprint(String token) {
    return sha256(token);
  }

  /** Whether the token with this fingerprint is valid now, without blocking: false = ask. */
  public boolean knownValid(String fingerprint) {
    if (isConfigured(fingerprint)) {
      return true;
    }
    Instant at = checked.get(fingerprint);
    return at != null && clock.instant().isBefore(at.plus(RECHECK));
  }

  /** Whether the token with this fingerprint is valid. May block on the database. */
  public boolean isValidFingerprint(String fingerprint) {
    if (knownValid(fingerprint)) {
      return true;
    }
    Instant now = clock.instant();
    boolean stored =
        database.inTransaction(
            connection -> {
              Optional<ApiTokenRepository.Found> found = repository.find(connection, fingerprint);
              found
                  .filter(
                      row ->
                          row.lastUsedAt().isEmpty()
                              || !now.isBefore(row.lastUsedAt().get().plus(LAST_USED_RESOLUTION)))
                  .ifPresent(row -> repository.markUsed(connection, row.id(), now));
              return found.isPresent();
            });
    if (stored) {
      checked.put(fingerprint, now);
    } else {
      checked.remove(fingerprint);
    }
    return stored;
  }

  /** The configured token (if any) first, then the stored ones, oldest first. */
  public List<Listed> list() {
    List<Listed> tokens = new ArrayList<>();
    if (configured.isPresent()) {
      tokens.add(
          new Listed(CONFIGURED_ID, "JOULE_API_TOKEN", true, Optional.empty(), Optional.empty()));
    }
    for (ApiTokenRepository.Stored stored : database.inTransaction(repository::list)) {
      tokens.add(
          new Listed(
              Long.toString(stored.id()),
              stored.name(),
              false,
              Optional.of(stored.createdAt()),
              stored.lastUsedAt()));
    }
    return tokens;
  }

  /**
   * Revokes stored token {@code id}: refused at once on this node, and its console sessions end at
   * their next request. {@code id} is a listed id; a malformed one is NOT_FOUND.
   */
  public Revocation revoke(String id) {
    if (id.equals(CONFIGURED_ID)) {
      return configured.isPresent() ? Revocation.CONFIGURED : Revocation.NOT_FOUND;
    }
    long number;
    try {
      number = Long.parseLong(id);
    } catch (NumberFormatException e) {
      return Revocation.NOT_FOUND;
    }
    Optional<String> hash = database.inTransaction(c -> repository.delete(c, number));
    hash.ifPresent(checked::remove);
    return hash.isPresent() ? Revocation.REVOKED : Revocation.NOT_FOUND;
  }

  /** Whether any token could be valid: one configured, or at least one stored. */
  public boolean anyConfigured() {
    return configured.isPresent()
        || database.inTransaction(connection -> repository.count(connection)) > 0;
  }

  private boolean isConfigured(String fingerprint) {
    return configured.isPresent()
        && MessageDigest.isEqual(configured.get(), fingerprint.getBytes(StandardCharsets.UTF_8));
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
