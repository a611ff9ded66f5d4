package dev.joule.console;

import dev.joule.api.CommandView;
import dev.joule.api.MessageView;
import dev.joule.api.StatusChangeView;
import dev.joule.api.TransactionView;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The API's views as the console's templates show them: times in UTC to the second, energy in kWh.
 */
final class Format {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private Format() {}

  /** Empty for a time never reported (the template shows a dash). */
  static String time(Instant at) {
    return at == null ? "" : TIME.format(at);
  }

  record Change(String at, int connectorId, String status, String errorCode, String info) {}

  static Change change(StatusChangeView view) {
    return new Change(
        time(view.receivedAt()), view.connectorId(), view.status(), view.errorCode(), view.info());
  }

  record Message(String at, String direction, boolean in, String frame) {}

  static Message message(MessageView view) {
    return new Message(
        time(view.at()), view.direction(), view.direction().equals("in"), view.frame());
  }

  record Transaction(
      int id,
      int connectorId,
      String idTag,
      String started,
      int meterStart,
      String energy,
      String chartUrl) {}

  static Transaction transaction(TransactionView view) {
    return new Transaction(
        view.id(),
        view.connectorId(),
        view.idTag(),
        time(view.startTimestamp()),
        view.meterStart(),
        energy(view.energyWh()),
        Links.charger(view.chargerId()) + "/transactions/" + view.id() + "/chart");
  }

  /** Energy in kWh to the Wh; "no reading yet" for an open transaction without one. */
  static String energy(Long wattHours) {
    return wattHours == null
        ? "no reading yet"
        : String.format(Locale.ROOT, "%.3f kWh", wattHours / 1000.0);
  }

  record Command(
      long id,
      String action,
      String status,
      boolean isFinal,
      String payload,
      String response,
      String error,
      String queuedAt,
      String completedAt,
      String url) {}

  static Command command(CommandView view) {
    String error =
        view.errorCode() == null
            ? ""
            : view.errorCode()
                + (view.errorDescription() == null ? "" : ": " + view.errorDescription());
    return new Command(
        view.id(),
        view.action(),
        view.status(),
        view.completedAt() != null,
        String.valueOf(view.payload()),
        view.response() == null ? "" : view.response().toString(),
        error,
        time(view.queuedAt()),
        time(view.completedAt()),
        Console.COMMANDS + "/" + view.id());
  }
}
