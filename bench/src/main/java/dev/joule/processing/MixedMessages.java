package dev.joule.processing;

import dev.joule.bus.InboxMessage;
import dev.joule.ocpp.json.Frame;
import dev.joule.ocpp.json.OcppJson;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Batches of charger CALLs in the simulator's realistic mix (per 100: 60 MeterValues with 10
 * sampled values, 20 StatusNotification, 15 Heartbeat, 3 StartTransaction, 2 StopTransaction of
 * transactions started earlier), each with a fresh timestamp so that nothing is a duplicate.
 */
final class MixedMessages {
  private static final Pattern TRANSACTION_ID = Pattern.compile("\"transactionId\":(\\d+)");

  private final OcppJson codec = OcppJson.forCentralSystem();
  private final int chargers;
  private final ArrayDeque<Integer> open = new ArrayDeque<>();
  private long sequence;
  private Instant clock = Instant.parse("2026-11-24T00:00:00Z");

  MixedMessages(int chargers) {
    this.chargers = chargers;
  }

  static String chargerId(int index) {
    return "BENCH-" + index;
  }

  List<InboxMessage> next(int size) {
    List<InboxMessage> batch = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      sequence++;
      clock = clock.plusMillis(1);
      int slot = (int) (sequence % 100);
      String charger = chargerId((int) (sequence % chargers));
      String text =
          slot < 60
              ? meterValues(sequence)
              : slot < 80
                  ? status(sequence)
                  : slot < 95
                      ? "[2,\"" + sequence + "\",\"Heartbeat\",{}]"
                      : slot < 98 || open.isEmpty() ? start(sequence) : stop(sequence);
      batch.add(new InboxMessage(charger, "bench", 1, (Frame.Call) codec.read(text), clock));
    }
    return batch;
  }

  /** Remembers the transaction a StartTransaction answer carries, for a later stop. */
  void answered(String frame) {
    if (frame.contains("\"idTagInfo\"") && frame.contains("\"transactionId\"")) {
      Matcher id = TRANSACTION_ID.matcher(frame);
      if (id.find()) {
        open.add(Integer.parseInt(id.group(1)));
      }
    }
  }

  private String meterValues(long id) {
    StringBuilder sampled = new StringBuilder();
    String[][] values = {
      {"Energy.Active.Import.Register", "", "Wh"},
      {"Power.Active.Import", "", "W"},
      {"Current.Import", "L1", "A"},
      {"Current.Import", "L2", "A"},
      {"Current.Import", "L3", "A"},
      {"Voltage", "L1-N", "V"},
      {"Voltage", "L2-N", "V"},
      {"Voltage", "L3-N", "V"},
      {"Current.Offered", "", "A"},
      {"SoC", "", "Percent"}
    };
    for (String[] v : values) {
      sampled
          .append(sampled.isEmpty() ? "" : ",")
          .append("{\"value\":\"")
          .append(id % 9973)
          .append("\",\"context\":\"Sample.Periodic\",\"measurand\":\"")
          .append(v[0])
          .append('"')
          .append(v[1].isEmpty() ? "" : ",\"phase\":\"" + v[1] + "\"")
          .append(",\"location\":\"Outlet\",\"unit\":\"")
          .append(v[2])
          .append("\"}");
    }
    return "[2,\""
        + id
        + "\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\""
        + clock
        + "\",\"sampledValue\":["
        + sampled
        + "]}]}]";
  }

  private String status(long id) {
    return "[2,\""
        + id
        + "\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\","
        + "\"status\":\"Charging\",\"timestamp\":\""
        + clock
        + "\"}]";
  }

  private String start(long id) {
    return "[2,\""
        + id
        + "\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"TAG-1\",\"meterStart\":"
        + id
        + ",\"timestamp\":\""
        + clock
        + "\"}]";
  }

  private String stop(long id) {
    return "[2,\""
        + id
        + "\",\"StopTransaction\",{\"transactionId\":"
        + open.poll()
        + ",\"meterStop\":"
        + (id + 1000)
        + ",\"timestamp\":\""
        + clock
        + "\",\"reason\":\"Local\"}]";
  }
}
