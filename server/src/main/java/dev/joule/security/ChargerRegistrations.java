package dev.joule.security;

import dev.joule.store.ChargerAuthRepository;
import dev.joule.store.ChargerRepository;
import dev.joule.store.Database;
import dev.joule.store.SqlWork;
import java.time.Clock;
import java.util.Optional;

/**
 * Registering chargers for authentication (the API's {@code PUT}, {@code DELETE} and {@code accept}
 * of {@code /api/v1/chargers/{id}}). Blocks on JDBC and hashes keys: call off the event loop.
 */
public final class ChargerRegistrations {
  private final Database database;
  private final Clock clock;
  private final ChargerRepository chargers = new ChargerRepository();
  private final ChargerAuthRepository auth = new ChargerAuthRepository();

  public ChargerRegistrations(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /**
   * What to change; empty fields keep what is stored.
   *
   * @param authorizationKey the new key, already checked by {@link AuthorizationKey#problem}
   */
  public record Registration(
      Optional<String> authorizationKey, Optional<SecurityProfile> securityProfile) {}

  /**
   * A charger's registration as the API shows it: never the key, only whether one is set.
   *
   * @param securityProfile the charger's own profile (the effective one is at least {@code
   *     security-profile})
   * @param pending admitted unknown, waiting for an operator's acceptance
   */
  public record View(
      String chargerId, int securityProfile, boolean authorizationKeySet, boolean pending) {}

  /** The outcome of {@link #put}. */
  public record Put(boolean created, View registration) {}

  /**
   * Registers the charger or updates it. A new charger is accepted at once (the operator vouches
   * for it); a pending one stays pending until {@link #accept}.
   */
  public Put put(String chargerId, Registration registration) {
    Optional<String> hash = registration.authorizationKey().map(KeyHash::hash); // before the tx
    return inTransaction(
        connection -> {
          boolean created = chargers.register(connection, chargerId, clock.instant());
          auth.put(
              connection,
              chargerId,
              registration.securityProfile().map(SecurityProfile::level),
              hash,
              Optional.empty(),
              clock.instant());
          return new Put(created, view(connection, chargerId).orElseThrow());
        });
  }

  /** The charger's registration; empty when the charger is unknown. */
  public Optional<View> find(String chargerId) {
    return inTransaction(connection -> view(connection, chargerId));
  }

  private Optional<View> view(java.sql.Connection connection, String chargerId) {
    if (!chargers.exists(connection, chargerId)) {
      return Optional.empty();
    }
    ChargerAuthRepository.Row row =
        auth.find(connection, chargerId)
            .orElse(new ChargerAuthRepository.Row(0, Optional.empty(), false));
    return Optional.of(
        new View(chargerId, row.securityProfile(), row.keyHash().isPresent(), row.pending()));
  }

  /** Removes the charger and everything recorded about it; false when it did not exist. */
  public boolean delete(String chargerId) {
    return inTransaction(connection -> chargers.delete(connection, chargerId));
  }

  /** Accepts a pending charger; false when it is not pending (unknown or already accepted). */
  public boolean accept(String chargerId) {
    return inTransaction(connection -> auth.accept(connection, chargerId, clock.instant()));
  }

  private <T> T inTransaction(SqlWork<T> work) {
    return database.inTransaction(work);
  }
}
