package dev.joule.bench;

/** Frames as a typical AC charger sends them. */
final class TypicalFrames {
  private TypicalFrames() {}

  static String call(String action) {
    return switch (action) {
      case "Heartbeat" -> "[2,\"19223201\",\"Heartbeat\",{}]";
      case "StatusNotification" ->
          "[2,\"19223202\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\","
              + "\"status\":\"Charging\",\"timestamp\":\"2026-11-24T10:15:30.123Z\","
              + "\"info\":\"\",\"vendorId\":\"Joule\",\"vendorErrorCode\":\"0\"}]";
      case "MeterValues" -> meterValues();
      default -> throw new IllegalArgumentException(action);
    };
  }

  /** One meter value with 10 sampled values: energy, power, and current and voltage per phase. */
  private static String meterValues() {
    StringBuilder sampled = new StringBuilder();
    String[][] values = {
      {"15234.5", "Energy.Active.Import.Register", "", "Wh"},
      {"11020", "Power.Active.Import", "", "W"},
      {"16.1", "Current.Import", "L1", "A"},
      {"16.0", "Current.Import", "L2", "A"},
      {"15.9", "Current.Import", "L3", "A"},
      {"230.4", "Voltage", "L1-N", "V"},
      {"229.8", "Voltage", "L2-N", "V"},
      {"231.0", "Voltage", "L3-N", "V"},
      {"32", "Current.Offered", "", "A"},
      {"64", "SoC", "", "Percent"}
    };
    for (String[] v : values) {
      if (!sampled.isEmpty()) {
        sampled.append(',');
      }
      sampled
          .append("{\"value\":\"")
          .append(v[0])
          .append("\",\"context\":\"Sample.Periodic\",\"format\":\"Raw\",\"measurand\":\"")
          .append(v[1])
          .append('"');
      if (!v[2].isEmpty()) {
        sampled.append(",\"phase\":\"").append(v[2]).append('"');
      }
      sampled.append(",\"location\":\"Outlet\",\"unit\":\"").append(v[3]).append("\"}");
    }
    return "[2,\"19223203\",\"MeterValues\",{\"connectorId\":1,\"transactionId\":4711,"
        + "\"meterValue\":[{\"timestamp\":\"2026-11-24T10:15:30Z\",\"sampledValue\":["
        + sampled
        + "]}]}]";
  }
}
