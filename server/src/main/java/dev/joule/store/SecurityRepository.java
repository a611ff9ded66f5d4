package dev.joule.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The security whitepaper's charger notifications (migration V10): security events, and the log
 * upload and signed firmware statuses that belong to a GetLog or SignedUpdateFirmware command.
 * Inserts are idempotent: a redelivered CALL (same call id and receive time) adds nothing.
 */
public final class SecurityRepository {

  /** A SecurityEventNotification as received. */
  public record SecurityEvent(
      String chargerId,
      String callId,
      String type,
      boolean critical,
      Instant chargerTimestamp,
      Optional<String> techInfo,
      Instant receivedAt) {}

  /** True when the event is new (not a redelivery of one already stored). */
  public boolean insertSecurityEvent(Connection connection, SecurityEvent event) {
    try (PreparedStatement insert =
        connection.prepareStatement(
            """
            INSERT INTO security_event (charger_id, type, critical, charger_timestamp, tech_info,
                received_at, call_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (charger_id, call_id, received_at) DO NOTHING
            """)) {
      insert.setString(1, event.chargerId());
      insert.setString(2, event.type());
      insert.setBoolean(3, event.critical());
      Jdbc.setInstant(insert, 4, event.chargerTimestamp());
      insert.setString(5, event.techInfo().orElse(null));
      Jdbc.setInstant(insert, 6, event.receivedAt());
      insert.setString(7, event.callId());
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /**
   * A LogStatusNotification or SignedFirmwareStatusNotification ({@code action}), linked to the
   * newest {@code commandAction} command of the charger whose payload has this {@code requestId}.
   */
  public void insertCommandNotification(
      Connection connection,
      String chargerId,
      String callId,
      String action,
      String status,
      Optional<Integer> requestId,
      String commandAction,
      Instant receivedAt) {
    try (PreparedStatement insert =
        connection.prepareStatement(
            """
            INSERT INTO command_notification (charger_id, action, status, request_id, command_id,
                received_at, call_id)
            VALUES (?, ?, ?, ?, (SELECT id FROM command WHERE charger_id = ? AND action = ?
                AND payload ->> 'requestId' = ?::text ORDER BY id DESC LIMIT 1), ?, ?)
            ON CONFLICT (charger_id, call_id, received_at) DO NOTHING
            """)) {
      insert.setString(1, chargerId);
      insert.setString(2, action);
      insert.setString(3, status);
      Jdbc.setInteger(insert, 4, requestId.orElse(null));
      insert.setString(5, chargerId);
      insert.setString(6, commandAction);
      Jdbc.setInteger(insert, 7, requestId.orElse(null));
      Jdbc.setInstant(insert, 8, receivedAt);
      insert.setString(9, callId);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** A certificate Joule's CA signed for a charger's SignCertificate. */
  public record SignedCertificate(
      String chargerId,
      String callId,
      String serialNumber,
      String subject,
      Instant notBefore,
      Instant notAfter,
      String certificatePem,
      Instant receivedAt) {}

  /**
   * True when the certificate is new; false when this CALL was already answered with one (a
   * redelivery), which must then not be sent again.
   */
  public boolean insertSignedCertificate(Connection connection, SignedCertificate certificate) {
    try (PreparedStatement insert =
        connection.prepareStatement(
            """
            INSERT INTO signed_certificate (charger_id, serial_number, subject, not_before,
                not_after, certificate, received_at, call_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (charger_id, call_id, received_at) DO NOTHING
            """)) {
      insert.setString(1, certificate.chargerId());
      insert.setString(2, certificate.serialNumber());
      insert.setString(3, certificate.subject());
      Jdbc.setInstant(insert, 4, certificate.notBefore());
      Jdbc.setInstant(insert, 5, certificate.notAfter());
      insert.setString(6, certificate.certificatePem());
      Jdbc.setInstant(insert, 7, certificate.receivedAt());
      insert.setString(8, certificate.callId());
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }
}
