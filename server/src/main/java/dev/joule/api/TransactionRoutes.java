package dev.joule.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code /transactions}: the filtered list, one transaction, and its meter values. */
final class TransactionRoutes {
  static final String TRANSACTIONS = ReadApi.PREFIX + "/transactions";
  static final String TRANSACTION = TRANSACTIONS + "/:id";
  static final String METER_VALUES = TRANSACTION + "/meter-values";

  private final TransactionQueries transactions;
  private final MeterValueQueries meterValues;
  private final Replies replies;

  TransactionRoutes(
      TransactionQueries transactions, MeterValueQueries meterValues, Replies replies) {
    this.transactions = transactions;
    this.meterValues = meterValues;
    this.replies = replies;
  }

  void mount(Router router) {
    router.get(TRANSACTIONS).handler(this::list);
    router.get(TRANSACTION).handler(this::one);
    router.get(METER_VALUES).handler(this::meterValues);
  }

  private void list(RoutingContext rc) {
    Query query = Query.ofList(rc, "chargerId", "status", "idTag", "from", "to");
    TransactionFilter filter = TransactionFilter.of(query);
    PageRequest page = query.page(TransactionQueries.LIST, 2);
    replies.json(rc, () -> transactions.list(filter, page));
  }

  private void one(RoutingContext rc) {
    Query.of(rc);
    int id = transactionId(rc);
    replies.json(
        rc,
        () -> transactions.find(id).orElseThrow(() -> ApiException.notFound("transaction " + id)));
  }

  private void meterValues(RoutingContext rc) {
    PageRequest page = Query.ofList(rc).page(MeterValueQueries.LIST, 2);
    int id = transactionId(rc);
    replies.json(rc, () -> meterValues.samples(id, page));
  }

  /** Transaction ids are OCPP integers; one that is no integer can name no transaction. */
  private static int transactionId(RoutingContext rc) {
    String id = rc.pathParam("id");
    try {
      return Integer.parseInt(id);
    } catch (NumberFormatException e) {
      throw ApiException.badParameter("id", "'" + id + "' is not a transaction id (an integer)");
    }
  }
}
