package dev.joule.security;

import dev.joule.store.ChargerAuthRepository;
import dev.joule.store.ChargerRepository;
import dev.joule.store.SecurityRepository;
import dev.joule.store.SqlFailures;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Admission} of a Joule process: the {@code admission} policy for unknown identities,
 * then {@link AuthTable} at the charger's effective profile. Every refusal is counted per reason
 * and logged with the source address, never with the password; a refusal of a registered charger is
 * also stored as its security event {@value #REFUSED_EVENT} (the whitepaper's type for "the
 * credentials were rejected by the Central System"; OCPP16-NOTES: a security event on every
 * security-related refusal), so it is in the charger's {@code /security-events} beside its own.
 */
public final class ChargerAdmission implements Admission {
  private static final Logger LOG = LoggerFactory.getLogger(ChargerAdmission.class);

  /** The type of the security event stored for a refused handshake of a registered charger. */
  static final String REFUSED_EVENT = "FailedToAuthenticateAtCentralSystem";

  private final SecuritySettings settings;
  private final DataSource dataSource;
  private final Clock clock;
  private final AuthFailures failures;
  private final ChargerRepository chargers = new ChargerRepository();
  private final ChargerAuthRepository auth = new ChargerAuthRepository();
  private final SecurityRepository security = new SecurityRepository();

  public ChargerAdmission(
      SecuritySettings settings, DataSource dataSource, Clock clock, AuthFailures failures) {
    this.settings = settings;
    this.dataSource = dataSource;
    this.clock = clock;
    this.failures = failures;
  }

  @Override
  public Verdict admit(Knock knock) {
    String id = knock.chargerId();
    try (Connection connection = dataSource.getConnection()) {
      Presented presented = Presented.of(knock);
      Optional<ChargerAuthRepository.Registered> registered = auth.registered(connection, id);
      if (registered.isEmpty()) {
        return unknown(connection, knock, presented);
      }
      Optional<ChargerAuthRepository.Row> row = registered.get().auth();
      SecurityProfile profile =
          SecurityProfile.of(row.map(ChargerAuthRepository.Row::securityProfile).orElse(0))
              .atLeast(settings.minimum());
      Optional<FailureReason> failed =
          AuthTable.decide(
              profile,
              id,
              presented,
              row.flatMap(ChargerAuthRepository.Row::keyHash),
              KeyHash::matches);
      if (failed.isEmpty()) {
        return ADMITTED;
      }
      recordRefusal(connection, knock, profile, failed.get());
      return refuse(knock, profile, failed.get());
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  private Verdict unknown(Connection connection, Knock knock, Presented presented) {
    String id = knock.chargerId();
    SecurityProfile profile = settings.minimum();
    return switch (settings.admission()) {
      case AUTO_REGISTER -> { // configuration allows it at profile 0 only
        chargers.register(connection, id, clock.instant());
        yield ADMITTED;
      }
      case KNOWN_ONLY -> refuse(knock, profile, FailureReason.UNKNOWN_CHARGER);
      case PENDING -> {
        // Without a registration there is no key: only profile 0 or a client certificate passes.
        Optional<FailureReason> failed =
            AuthTable.decide(profile, id, presented, Optional.empty(), (key, hash) -> false);
        if (failed.isPresent()) {
          yield refuse(
              knock,
              profile,
              failed.get() == FailureReason.NO_KEY ? FailureReason.UNKNOWN_CHARGER : failed.get());
        }
        chargers.register(connection, id, clock.instant());
        auth.put(
            connection,
            id,
            Optional.of(profile.level()),
            Optional.empty(),
            Optional.of(true),
            clock.instant());
        LOG.info(
            "{}: unknown charger from {} admitted as pending (profile {}): accept it with POST"
                + " /api/v1/chargers/{}/accept",
            id,
            knock.address(),
            profile.level(),
            id);
        yield ADMITTED;
      }
    };
  }

  private void recordRefusal(
      Connection connection, Knock knock, SecurityProfile profile, FailureReason reason) {
    Instant now = clock.instant();
    security.insertSecurityEvent(
        connection,
        new SecurityRepository.SecurityEvent(
            knock.chargerId(),
            "joule-handshake",
            REFUSED_EVENT,
            false,
            now,
            Optional.of(
                "refused by Joule: "
                    + reason.tag()
                    + " (security profile "
                    + profile.level()
                    + ", "
                    + (knock.tls() ? "wss" : "ws")
                    + ") from "
                    + knock.address()),
            now));
  }

  private Verdict refuse(Knock knock, SecurityProfile profile, FailureReason reason) {
    failures.count(reason);
    LOG.warn(
        "{}: connection from {} refused ({}, security profile {}, {})",
        knock.chargerId(),
        knock.address(),
        reason.tag(),
        profile.level(),
        knock.tls() ? "wss" : "ws");
    return reason.refusal();
  }
}
