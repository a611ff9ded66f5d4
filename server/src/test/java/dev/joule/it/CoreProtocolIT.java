package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Core profile behaviour over a real WebSocket with Joule's own raw test charger. */
class CoreProtocolIT {
  @TempDir static Path dataDir;
  static JouleServer joule;

  private static final String START =
      "[2,\"%s\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"tag-7\",\"meterStart\":250,"
          + "\"timestamp\":\"2026-11-24T09:00:00Z\"}]";

  @BeforeAll
  static void start() {
    joule = JouleServer.start(dataDir);
  }

  @AfterAll
  static void stop() {
    joule.close();
  }

  @Test
  void negotiatesOcpp16() {
    try (RawCharger charger = joule.charger("CP-SUB")) {
      assertThat(charger.subprotocol()).isEqualTo("ocpp1.6");
    }
  }

  @Test
  void aRetriedStartTransactionGetsTheSameTransactionId() {
    try (RawCharger charger = joule.charger("CP-RETRY")) {
      String first = charger.call(START.formatted("s-1"));
      String retried = charger.call(START.formatted("s-2"));

      assertThat(first).startsWith("[3,\"s-1\",");
      assertThat(transactionId(retried)).isEqualTo(transactionId(first));
      assertThat(
              joule.count(
                  "SELECT count(*) FROM charge_transaction WHERE charger_id = ?", "CP-RETRY"))
          .isEqualTo(1);
    }
  }

  @Test
  void aStopForAnUnknownTransactionIsAcknowledgedAndKept() {
    try (RawCharger charger = joule.charger("CP-ORPHAN")) {
      for (int id : new int[] {-1, 0, 987654}) {
        String answer =
            charger.call(
                "[2,\"x"
                    + id
                    + "\",\"StopTransaction\",{\"transactionId\":"
                    + id
                    + ",\"meterStop\":10,\"timestamp\":\"2026-11-24T10:00:00Z\"}]");
        assertThat(answer).isEqualTo("[3,\"x" + id + "\",{}]");
      }
      assertThat(joule.count("SELECT count(*) FROM orphan_stop WHERE charger_id = ?", "CP-ORPHAN"))
          .isEqualTo(3);
    }
  }

  @Test
  void aRepeatedStopChangesNothing() {
    try (RawCharger charger = joule.charger("CP-STOP2")) {
      int id = transactionId(charger.call(START.formatted("a")));
      String stop =
          "[2,\"%s\",\"StopTransaction\",{\"transactionId\":"
              + id
              + ",\"meterStop\":%d,\"timestamp\":\"2026-11-24T10:00:00Z\"}]";

      assertThat(charger.call(stop.formatted("b", 900))).isEqualTo("[3,\"b\",{}]");
      assertThat(charger.call(stop.formatted("c", 950))).isEqualTo("[3,\"c\",{}]");
      assertThat(joule.count("SELECT meter_stop FROM charge_transaction WHERE id = ?", id))
          .isEqualTo(900);
    }
  }

  @Test
  void transactionDataOfAStopIsStoredWithTheTransaction() {
    try (RawCharger charger = joule.charger("CP-TXDATA")) {
      int id = transactionId(charger.call(START.formatted("t1")));
      charger.call(
          "[2,\"t2\",\"StopTransaction\",{\"transactionId\":"
              + id
              + ",\"meterStop\":900,\"timestamp\":\"2026-11-24T10:00:00Z\",\"reason\":\"EVDisconnected\","
              + "\"transactionData\":[{\"timestamp\":\"2026-11-24T10:00:00Z\",\"sampledValue\":"
              + "[{\"value\":\"900\",\"context\":\"Transaction.End\",\"unit\":\"Wh\"}]}]}]");
      assertThat(
              joule.count(
                  "SELECT count(*) FROM meter_value WHERE transaction_id = ? AND connector_id = 1"
                      + " AND source = 'StopTransaction' AND context = 'Transaction.End'",
                  id))
          .isEqualTo(1);
      assertThat(
              joule.count(
                  "SELECT count(*) FROM charge_transaction WHERE id = ? AND stop_reason = 'EVDisconnected'",
                  id))
          .isEqualTo(1);
    }
  }

  @Test
  void badFramesGetTheirCallErrorAndTheConnectionSurvives() {
    try (RawCharger charger = joule.charger("CP-BAD")) {
      assertThat(charger.call("[2,\"b1\",\"Authorize\",{}]"))
          .startsWith("[4,\"b1\",\"OccurenceConstraintViolation\",\"Authorize.idTag");
      assertThat(charger.call("[2,\"b2\",\"Authorise\",{}]"))
          .startsWith("[4,\"b2\",\"NotImplemented\",");
      assertThat(charger.call("[2,\"b3\",\"Reset\",{\"type\":\"Hard\"}]"))
          .startsWith("[4,\"b3\",\"NotSupported\",");
      assertThat(charger.call("[2,\"b4\",\"StatusNotification\",{\"connectorId\":\"one\"}]"))
          .startsWith("[4,\"b4\",\"TypeConstraintViolation\",");
      assertThat(charger.call("[2,\"b5\",\"Heartbeat\",{}"))
          .startsWith("[4,\"b5\",\"FormationViolation\",\"not valid JSON");
      charger.send("[9,\"ignored\",\"Whatever\",{}]");

      assertThat(charger.call("[2,\"ok\",\"Heartbeat\",{}]"))
          .startsWith("[3,\"ok\",{\"currentTime\":");
    }
  }

  @Test
  void statusNotificationsAreKeptWithHistory() {
    try (RawCharger charger = joule.charger("CP-STATUS")) {
      for (String status : new String[] {"Available", "Preparing", "Charging"}) {
        charger.call(
            "[2,\""
                + status
                + "\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\""
                + status
                + "\",\"timestamp\":\"1970-01-01T00:00:00Z\"}]");
      }
      assertThat(
              joule.count(
                  "SELECT count(*) FROM connector_status_history WHERE charger_id = ?",
                  "CP-STATUS"))
          .isEqualTo(3);
      assertThat(
              joule.count(
                  "SELECT count(*) FROM connector_status WHERE charger_id = ? AND status = 'Charging'",
                  "CP-STATUS"))
          .isEqualTo(1);
    }
  }

  @Test
  void aNewConnectionWithTheSameIdentityReplacesTheOld() {
    try (RawCharger old = joule.charger("CP-TWICE");
        RawCharger fresh = joule.charger("CP-TWICE")) {
      assertThat(old.closeCode()).isPositive();
      assertThat(fresh.call("[2,\"h\",\"Heartbeat\",{}]")).startsWith("[3,\"h\",");
    }
  }

  @Test
  void authorizeFollowsTheIdTagListCaseInsensitively() {
    assertThat(joule.put("/api/v1/id-tags/Blocked-1", "{\"status\":\"Blocked\"}").statusCode())
        .isEqualTo(201);
    joule.put(
        "/api/v1/id-tags/OLD-1",
        "{\"status\":\"Accepted\",\"expiryDate\":\"2020-01-01T00:00:00Z\"}");
    joule.put("/api/v1/id-tags/CHILD-1", "{\"status\":\"Accepted\",\"parentIdTag\":\"FLEET\"}");
    try (RawCharger charger = joule.charger("CP-AUTH")) {
      assertThat(charger.call("[2,\"a1\",\"Authorize\",{\"idTag\":\"BLOCKED-1\"}]"))
          .isEqualTo("[3,\"a1\",{\"idTagInfo\":{\"status\":\"Blocked\"}}]");
      assertThat(charger.call("[2,\"a2\",\"Authorize\",{\"idTag\":\"old-1\"}]"))
          .isEqualTo(
              "[3,\"a2\",{\"idTagInfo\":{\"expiryDate\":\"2020-01-01T00:00:00Z\",\"status\":\"Expired\"}}]");
      assertThat(charger.call("[2,\"a3\",\"Authorize\",{\"idTag\":\"child-1\"}]"))
          .isEqualTo(
              "[3,\"a3\",{\"idTagInfo\":{\"parentIdTag\":\"FLEET\",\"status\":\"Accepted\"}}]");
      // The embedded demo accepts tags it does not know (unknown-id-tags defaults to Accepted).
      assertThat(charger.call("[2,\"a4\",\"Authorize\",{\"idTag\":\"NEW-TAG\"}]"))
          .isEqualTo("[3,\"a4\",{\"idTagInfo\":{\"status\":\"Accepted\"}}]");
    }
  }

  @Test
  void aRepeatedMeterValuesIsStoredOnce() {
    String meterValues =
        "[2,\"%s\",\"MeterValues\",{\"connectorId\":2,\"meterValue\":[{\"timestamp\":"
            + "\"2026-11-24T09:05:00Z\",\"sampledValue\":[{\"value\":\"12.5\",\"measurand\":"
            + "\"Current.Import\",\"phase\":\"L1\",\"unit\":\"A\",\"context\":\"Sample.Periodic\","
            + "\"format\":\"Raw\",\"location\":\"Outlet\"},{\"value\":\"1500\"}]}]}]";
    try (RawCharger charger = joule.charger("CP-METER")) {
      assertThat(charger.call(meterValues.formatted("m1"))).isEqualTo("[3,\"m1\",{}]");
      assertThat(charger.call(meterValues.formatted("m2"))).isEqualTo("[3,\"m2\",{}]");
    }
    assertThat(joule.count("SELECT count(*) FROM meter_value WHERE charger_id = ?", "CP-METER"))
        .isEqualTo(2);
    assertThat(
            joule.count(
                "SELECT count(*) FROM meter_value WHERE charger_id = ? AND measurand = "
                    + "'Current.Import' AND phase = 'L1' AND unit = 'A' AND location = 'Outlet' "
                    + "AND context = 'Sample.Periodic' AND format = 'Raw' AND value = '12.5'",
                "CP-METER"))
        .isEqualTo(1);
    assertThat(
            joule.count(
                "SELECT count(*) FROM meter_value WHERE charger_id = ? "
                    + "AND measurand = 'Energy.Active.Import.Register'",
                "CP-METER"))
        .as("a sample without measurand is the energy register (OCPP 1.6 default)")
        .isEqualTo(1);
  }

  @Test
  void dataTransferFromAnUnknownVendorIsAnsweredAndRecorded() {
    try (RawCharger charger = joule.charger("CP-DT")) {
      assertThat(
              charger.call(
                  "[2,\"d1\",\"DataTransfer\",{\"vendorId\":\"com.example\",\"messageId\":\"x\","
                      + "\"data\":\"{}\"}]"))
          .isEqualTo("[3,\"d1\",{\"status\":\"UnknownVendorId\"}]");
    }
    assertThat(joule.count("SELECT count(*) FROM data_transfer WHERE charger_id = ?", "CP-DT"))
        .isEqualTo(1);
  }

  @Test
  void firmwareNotificationsAreRecorded() {
    try (RawCharger charger = joule.charger("CP-FW")) {
      assertThat(
              charger.call(
                  "[2,\"f1\",\"FirmwareStatusNotification\",{\"status\":\"Downloading\"}]"))
          .isEqualTo("[3,\"f1\",{}]");
      assertThat(
              charger.call(
                  "[2,\"f2\",\"DiagnosticsStatusNotification\",{\"status\":\"Uploaded\"}]"))
          .isEqualTo("[3,\"f2\",{}]");
    }
    assertThat(joule.count("SELECT count(*) FROM firmware_event WHERE charger_id = ?", "CP-FW"))
        .isEqualTo(2);
  }

  @Test
  void everyFrameInAndOutIsInTheMessageLog() {
    try (RawCharger charger = joule.charger("CP-LOG")) {
      charger.call("[2,\"l1\",\"Heartbeat\",{}]");
    }
    Await.until(
        () -> joule.count("SELECT count(*) FROM message_log WHERE charger_id = ?", "CP-LOG") == 2);
    assertThat(
            joule.count(
                "SELECT count(*) FROM message_log WHERE charger_id = ? AND direction = 'IN'"
                    + " AND frame = '[2,\"l1\",\"Heartbeat\",{}]'",
                "CP-LOG"))
        .isEqualTo(1);
  }

  @Test
  void signCertificateWithoutAConfiguredCaIsRejectedNotUnsupported() {
    try (RawCharger charger = joule.charger("CP-SEC")) {
      assertThat(charger.call("[2,\"s1\",\"SignCertificate\",{\"csr\":\"x\"}]"))
          .isEqualTo("[3,\"s1\",{\"status\":\"Rejected\"}]");
    }
  }

  static int transactionId(String callResult) {
    int at = callResult.indexOf("\"transactionId\":") + "\"transactionId\":".length();
    int end = at;
    while (Character.isDigit(callResult.charAt(end))) {
      end++;
    }
    return Integer.parseInt(callResult.substring(at, end));
  }
}
