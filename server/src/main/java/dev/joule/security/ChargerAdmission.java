package dev.joule.security;

import dev.joule.store.ChargerAuthRepository;
import dev.joule.store.ChargerRepository;
import dev.joule.store.SqlFailures;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Admission} of a Joule process: the {@code admission} policy for unknown identities,
 * then {@link AuthTable} at the charger's effective profile. Every refusal is counted per reason
 * and logged with the source address, never with the password.
 */
public final class ChargerAdmission implements Admission {
  private static final Logger LOG = LoggerFactory.getLogger(ChargerAdmission.class);

  private final SecuritySettings settings;
  private final DataSource dataSource;
  private final Clock clock;
  private final AuthFailures failures;
  private final ChargerRepository chargers = new ChargerRepository();
  private final ChargerAuthRepository auth = new ChargerAuthRepository();

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
      if (!chargers.exists(connection, id)) {
        return unknown(connection, knock, presented);
      }
      Optional<ChargerAuthRepository.Row> row = auth.find(connection, id);
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
      return failed.<Verdict>map(reason -> refuse(knock, profile, reason)).orElse(ADMITTED);
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
