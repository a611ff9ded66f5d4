package dev.joule.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what the security whitepaper's messages left per charger: its security events, and its
 * certificates as the certificate commands reported them.
 */
final class SecurityQueries {
  static final String LIST = "security-events";

  /** Certificate commands and signed certificates shown at most, newest first. */
  static final int CERTIFICATE_ROWS = 50;

  private final Database database;

  SecurityQueries(Database database) {
    this.database = database;
  }

  /** Newest first by receive time, then id; 404 if the charger is unknown. */
  Page<SecurityEventView> events(String id, PageRequest page) {
    Select select =
        new Select(
                "SELECT id, type, critical, charger_timestamp, tech_info, received_at"
                    + " FROM security_event")
            .where("charger_id = ?", id)
            .orderBy("received_at DESC, id DESC")
            .pageOf(page);
    if (!page.isFirst()) {
      select.where("(received_at, id) < (?, ?)", page.afterInstant(0), page.afterNumber(1));
    }
    return database.run(
        connection -> {
          known(connection, id);
          List<Keyed<SecurityEventView>> rows = new ArrayList<>();
          try (PreparedStatement statement = select.prepare(connection);
              ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              SecurityEventView event =
                  new SecurityEventView(
                      rs.getLong("id"),
                      rs.getString("type"),
                      rs.getBoolean("critical"),
                      Rows.instant(rs, "charger_timestamp"),
                      rs.getString("tech_info"),
                      Rows.instant(rs, "received_at"));
              rows.add(
                  new Keyed<>(
                      event, List.of(event.receivedAt().toString(), Long.toString(event.id()))));
            }
          }
          return page.pageOfKeyed(rows);
        });
  }

  CertificatesView certificates(String id) {
    return database.run(
        connection -> {
          known(connection, id);
          return new CertificatesView(
              installed(connection, id), changes(connection, id), signed(connection, id));
        });
  }

  private static CertificatesView.Installed installed(Connection connection, String id)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT id, payload::text AS payload, response ->> 'status' AS status,"
                + " (response -> 'certificateHashData')::text AS hashes, completed_at FROM command"
                + " WHERE charger_id = ? AND action = 'GetInstalledCertificateIds'"
                + " AND response IS NOT NULL ORDER BY id DESC LIMIT 1")) {
      statement.setString(1, id);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return new CertificatesView.Installed(
            rs.getLong("id"),
            tree(rs.getString("payload")),
            rs.getString("status"),
            tree(rs.getString("hashes")),
            Rows.instant(rs, "completed_at"));
      }
    }
  }

  private static List<CertificatesView.Change> changes(Connection connection, String id)
      throws SQLException {
    List<CertificatesView.Change> changes = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT id, action, status, payload::text AS payload, response::text AS response,"
                + " completed_at FROM command WHERE charger_id = ?"
                + " AND action IN ('InstallCertificate', 'DeleteCertificate', 'CertificateSigned')"
                + " ORDER BY id DESC LIMIT "
                + CERTIFICATE_ROWS)) {
      statement.setString(1, id);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          changes.add(
              new CertificatesView.Change(
                  rs.getLong("id"),
                  rs.getString("action"),
                  rs.getString("status"),
                  tree(rs.getString("payload")),
                  tree(rs.getString("response")),
                  Rows.instant(rs, "completed_at")));
        }
      }
    }
    return changes;
  }

  private static List<CertificatesView.Signed> signed(Connection connection, String id)
      throws SQLException {
    List<CertificatesView.Signed> signed = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT serial_number, subject, not_before, not_after FROM signed_certificate"
                + " WHERE charger_id = ? ORDER BY id DESC LIMIT "
                + CERTIFICATE_ROWS)) {
      statement.setString(1, id);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          signed.add(
              new CertificatesView.Signed(
                  rs.getString("serial_number"),
                  rs.getString("subject"),
                  Rows.instant(rs, "not_before"),
                  Rows.instant(rs, "not_after")));
        }
      }
    }
    return signed;
  }

  private static void known(Connection connection, String id) throws SQLException {
    if (!StatusHistoryQueries.chargerExists(connection, id)) {
      throw ApiException.notFound("charger '" + id + "'");
    }
  }

  private static JsonNode tree(String json) {
    if (json == null) {
      return null;
    }
    try {
      return Json.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON does not parse", e);
    }
  }
}
