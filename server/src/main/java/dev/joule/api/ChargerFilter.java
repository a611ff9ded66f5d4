package dev.joule.api;

import dev.joule.domain.ChargerConnections;
import dev.joule.ocpp.message.core.ChargePointStatus;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The filters of the charger list; empty ones do not filter. Shared by {@code GET /api/v1/chargers}
 * and the console's chargers page, so both list the same chargers.
 *
 * @param idPrefix chargers whose id starts with it (case-sensitive, as ids are)
 * @param connected whether the charger holds a connection to this node's gateway now
 * @param status chargers with at least one connector whose last status is this (OCPP 1.6 §7.7
 *     ChargePointStatus wire value)
 */
public record ChargerFilter(
    Optional<String> idPrefix, Optional<Boolean> connected, Optional<String> status) {
  public static final ChargerFilter NONE =
      new ChargerFilter(Optional.empty(), Optional.empty(), Optional.empty());

  /** The statuses {@code status} may be, in the spec's order. */
  public static final java.util.List<String> STATUSES =
      Arrays.stream(ChargePointStatus.values()).map(ChargePointStatus::wire).toList();

  /** Checks the values: a bad one is a 400 naming the parameter (ApiException). */
  public ChargerFilter {
    status.ifPresent(ChargerFilter::checkStatus);
  }

  /**
   * The filter of a form's values, where an empty value means "any" (the console's filter form). A
   * bad value is a 400 naming the parameter.
   */
  public static ChargerFilter ofForm(String idPrefix, String connected, String status) {
    return new ChargerFilter(
        present(idPrefix),
        present(connected).map(value -> Params.bool("connected", value)),
        present(status));
  }

  private static Optional<String> present(String value) {
    return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
  }

  static ChargerFilter of(Query query) {
    return new ChargerFilter(
        query.text("idPrefix"),
        query.text("connected").map(value -> Params.bool("connected", value)),
        query.text("status"));
  }

  /**
   * Adds the conditions. Connection state lives in the gateway's memory, not in a column, so the
   * ids connected now are bound as one array.
   */
  void applyTo(Select select, ChargerConnections connections) {
    idPrefix.ifPresent(prefix -> select.where("starts_with(id, ?)", prefix));
    status.ifPresent(
        value ->
            select.where(
                "EXISTS (SELECT 1 FROM connector_status s WHERE s.charger_id = charger.id"
                    + " AND s.status = ?)",
                value));
    connected.ifPresent(
        wanted ->
            select.where(
                wanted ? "id = ANY (?)" : "NOT (id = ANY (?))",
                new Select.TextArray(connections.connected().keySet())));
  }

  private static void checkStatus(String value) {
    if (!STATUSES.contains(value)) {
      throw ApiException.badParameter(
          "status",
          "'" + value + "' is not one of " + STATUSES.stream().collect(Collectors.joining(", ")));
    }
  }
}
