package dev.joule.api;

import java.time.Instant;
import java.util.Optional;

/**
 * The filters of the transaction list; empty ones do not filter. Shared by {@code GET
 * /api/v1/transactions} and the console's transactions page, so both list the same transactions.
 *
 * @param idTag transactions started with this idTag, matched case-insensitively (IdToken is a
 *     CiString20Type, OCPP 1.6 §7.28)
 * @param from transactions started at or after this instant
 * @param to transactions started before this instant
 */
public record TransactionFilter(
    Optional<String> chargerId,
    Optional<TransactionState> state,
    Optional<String> idTag,
    Optional<Instant> from,
    Optional<Instant> to) {

  /** Checks the range: {@code to} before {@code from} is a 400 naming {@code to}. */
  public TransactionFilter {
    if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
      throw ApiException.badParameter("to", "must not be before from");
    }
  }

  static TransactionFilter of(Query query) {
    return new TransactionFilter(
        query.text("chargerId"),
        query.text("status").map(value -> TransactionState.parse("status", value)),
        query.text("idTag"),
        query.instant("from"),
        query.instant("to"));
  }

  /**
   * The filter of a form's values, where an empty value means "any" (the console's filter form).
   * {@code from} and {@code to} are an ISO-8601 instant or a browser's {@code datetime-local} value
   * ({@code 2026-12-07T15:30}), read as UTC, the zone the console shows times in. A bad value is a
   * 400 naming the field.
   */
  public static TransactionFilter ofForm(String chargerId, String idTag, String from, String to) {
    return new TransactionFilter(
        Params.present(chargerId),
        Optional.empty(),
        Params.present(idTag),
        Params.present(from).map(value -> Params.formInstant("from", value)),
        Params.present(to).map(value -> Params.formInstant("to", value)));
  }

  void applyTo(Select select) {
    chargerId.ifPresent(id -> select.where("t.charger_id = ?", id));
    state.ifPresent(
        value ->
            select.where(
                switch (value) {
                  case OPEN -> "t.stop_timestamp IS NULL";
                  case STOPPED -> "t.stop_timestamp IS NOT NULL";
                }));
    idTag.ifPresent(tag -> select.where("lower(t.id_tag) = lower(?)", tag));
    from.ifPresent(instant -> select.where("t.start_timestamp >= ?", instant));
    to.ifPresent(instant -> select.where("t.start_timestamp < ?", instant));
  }
}
