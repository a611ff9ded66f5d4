package dev.joule.api;

import dev.joule.domain.ChargerConnections;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The read API: JSON over HTTP under {@code /api/v1}, plus the idTag list it manages.
 *
 * <h2>Resources</h2>
 *
 * <ul>
 *   <li>{@code GET /api/v1/chargers?idPrefix=&connected=&status=}, {@code GET
 *       /api/v1/chargers/{id}}, {@code GET /api/v1/chargers/{id}/status-history?connectorId=},
 *       {@code GET /api/v1/chargers/{id}/messages}, {@code GET /api/v1/chargers/{id}/reservations},
 *       {@code GET /api/v1/chargers/{id}/charging-profiles}
 *   <li>{@code GET /api/v1/transactions?chargerId=&status=open|stopped&idTag=&from=&to=}, {@code
 *       GET /api/v1/transactions/{id}}, {@code GET /api/v1/transactions/{id}/meter-values}
 *   <li>{@code GET /api/v1/id-tags}, and {@code GET}, {@code PUT}, {@code DELETE} on {@code
 *       /api/v1/id-tags/{idTag}}
 * </ul>
 *
 * Path segments are percent-decoded: charger {@code CP:01 A} is {@code /api/v1/chargers/CP:01%20A}.
 * Times are ISO-8601 UTC strings; a field with no value is {@code null}, never left out.
 *
 * <h2>Pagination</h2>
 *
 * Lists answer {@code {"items": [...], "next": "<cursor>" | null}}. {@code limit} (1 to 500,
 * default 50) sets the page size; to get the next page, repeat the request with the same filters
 * and {@code cursor=<next>}. {@code next} is null on the last page. Cursors mark a position in the
 * list's order (keyset pagination), not a count of rows skipped: rows inserted while a client pages
 * (status changes, meter values arrive every few seconds) neither repeat nor shift items. There is
 * no {@code offset}. Orders: chargers by id; id tags by lower-case tag; transactions by start time,
 * newest first; status history by receive time, newest first; meter values by sample time, oldest
 * first.
 *
 * <h2>Errors</h2>
 *
 * {@code {"error": "message"}} with 400 (a parameter is wrong; the message starts with its name,
 * e.g. {@code "limit: '0' is not an integer from 1 to 500"}), 404, 405 (with {@code Allow}), 413 or
 * 500 (no details; they are logged). Unknown query parameters are a 400, so that a misspelt filter
 * is not mistaken for an empty one.
 *
 * <h2>Threads</h2>
 *
 * Handlers parse and validate on the event loop; JDBC and JSON writing run on {@code blocking}
 * (virtual threads in Joule); the response is written back on the request's Vert.x context.
 */
public final class ReadApi {
  static final String PREFIX = "/api/v1";

  private final ChargerRoutes chargers;
  private final TransactionRoutes transactions;
  private final IdTagRoutes idTags;
  private final ChargerStateRoutes chargerState;
  private final SecurityRoutes security;

  /**
   * @param dataSource the Joule database (schema of {@code db/migration})
   * @param connections which chargers are connected now
   * @param clock the time written to created/updated fields
   * @param blocking runs JDBC work, never the event loop
   */
  public ReadApi(
      DataSource dataSource, ChargerConnections connections, Clock clock, Executor blocking) {
    this(dataSource, connections, clock, blocking, idTag -> {});
  }

  /**
   * @param idTagChanged told of every idTag created, replaced or deleted (local lists carry their
   *     idTagInfo), after the change committed
   */
  public ReadApi(
      DataSource dataSource,
      ChargerConnections connections,
      Clock clock,
      Executor blocking,
      Consumer<String> idTagChanged) {
    Database database = new Database(dataSource);
    Replies replies = new Replies(blocking);
    this.chargers =
        new ChargerRoutes(
            new ChargerQueries(database, connections),
            new StatusHistoryQueries(database),
            new MessageLogQueries(database),
            replies);
    this.transactions =
        new TransactionRoutes(
            new TransactionQueries(database), new MeterValueQueries(database), replies);
    this.idTags =
        new IdTagRoutes(new IdTags(new IdTagStore(database), clock, idTagChanged), replies);
    this.chargerState = new ChargerStateRoutes(database, replies);
    this.security = new SecurityRoutes(new SecurityQueries(database), replies);
  }

  /** Adds the routes, and the JSON error handling of {@code /api/v1}, to {@code router}. */
  public void mount(Router router) {
    chargers.mount(router);
    transactions.mount(router);
    idTags.mount(router);
    chargerState.mount(router);
    security.mount(router);
    ApiErrors.mount(router);
  }
}
