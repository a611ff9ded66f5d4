package dev.joule.api;

import java.time.Instant;
import java.util.Optional;

/**
 * The filters of the transaction list; empty ones do not filter.
 *
 * @param from transactions started at or after this instant
 * @param to transactions started before this instant
 */
record TransactionFilter(
    Optional<String> chargerId,
    Optional<TransactionState> state,
    Optional<Instant> from,
    Optional<Instant> to) {

  static TransactionFilter of(Query query) {
    Optional<Instant> from = query.instant("from");
    Optional<Instant> to = query.instant("to");
    if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
      throw ApiException.badParameter("to", "must not be before from");
    }
    return new TransactionFilter(
        query.text("chargerId"),
        query.text("status").map(value -> TransactionState.parse("status", value)),
        from,
        to);
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
    from.ifPresent(instant -> select.where("t.start_timestamp >= ?", instant));
    to.ifPresent(instant -> select.where("t.start_timestamp < ?", instant));
  }
}
