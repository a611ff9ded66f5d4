package dev.joule.api;

import dev.joule.domain.ChargerConnections;
import dev.joule.domain.command.CommandStatus;
import dev.joule.domain.command.Commands;
import dev.joule.ocpp.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The API's read queries for another front end in this process, the operator console: the same
 * queries, filters, pages and views as {@code /api/v1}, so the console has no path to the database
 * that the API lacks. Every method blocks on JDBC: call it off the event loop. A bad cursor or
 * filter is an {@link ApiException} (400) naming it.
 */
public final class Reads {
  private final ChargerQueries chargers;
  private final StatusHistoryQueries history;
  private final TransactionQueries transactions;
  private final MessageLogQueries messages;
  private final Commands commands;
  private final AlertQueries alerts;
  private final MeterValueQueries meterValues;
  private final ChargingProfileQueries chargingProfiles;

  public Reads(DataSource dataSource, ChargerConnections connections, Commands commands) {
    Database database = new Database(dataSource);
    this.chargers = new ChargerQueries(database, connections);
    this.history = new StatusHistoryQueries(database);
    this.transactions = new TransactionQueries(database);
    this.messages = new MessageLogQueries(database);
    this.commands = commands;
    this.alerts = new AlertQueries(database);
    this.meterValues = new MeterValueQueries(database);
    this.chargingProfiles = new ChargingProfileQueries(database);
  }

  /** A page of {@code GET /chargers}; {@code cursor} is the {@code next} of the page before. */
  public Page<ChargerView> chargers(ChargerFilter filter, int limit, Optional<String> cursor) {
    return chargers.list(filter, page(ChargerQueries.LIST, limit, cursor, 1));
  }

  /**
   * The chargers of {@code ids} that exist, as a page of {@code GET /chargers} shows them, ordered
   * by id: the rows a live page re-reads in one query. At most {@link PageRequest#MAX_LIMIT} ids.
   */
  public List<ChargerView> chargers(java.util.Collection<String> ids) {
    if (ids.size() > PageRequest.MAX_LIMIT) {
      throw ApiException.badParameter(
          "id", ids.size() + " ids; at most " + PageRequest.MAX_LIMIT + " at once");
    }
    return ids.isEmpty() ? List.of() : chargers.some(ids);
  }

  public Optional<ChargerDetailView> charger(String id) {
    return chargers.find(id);
  }

  /** The newest {@code limit} status changes of a charger, all connectors. */
  public List<StatusChangeView> statusHistory(String chargerId, int limit) {
    return history
        .history(
            chargerId,
            Optional.empty(),
            page(StatusHistoryQueries.LIST, limit, Optional.empty(), 2))
        .items();
  }

  /** The charger's open transactions, newest first, with their energy so far. */
  public List<TransactionView> openTransactions(String chargerId) {
    TransactionFilter open =
        new TransactionFilter(
            Optional.of(chargerId),
            Optional.of(TransactionState.OPEN),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    return transactions
        .list(open, page(TransactionQueries.LIST, PageRequest.MAX_LIMIT, Optional.empty(), 2))
        .items();
  }

  /** A page of {@code GET /transactions}, newest first, with each transaction's energy. */
  public Page<TransactionView> transactions(
      TransactionFilter filter, int limit, Optional<String> cursor) {
    return transactions.list(filter, page(TransactionQueries.LIST, limit, cursor, 2));
  }

  /** The newest {@code limit} alert transitions of every node, as {@code GET /alerts}. */
  public List<AlertView> alertHistory(int limit) {
    return alertHistory(limit, Optional.empty()).items();
  }

  /** A page of {@code GET /alerts}, newest first; {@code cursor} is the page before's next. */
  public Page<AlertView> alertHistory(int limit, Optional<String> cursor) {
    return alerts.list(
        Optional.empty(), Optional.empty(), page(AlertQueries.LIST, limit, cursor, 2));
  }

  /** Samples a chart reads at most: pages of the API's meter-values list, oldest first. */
  static final int SERIES_PAGES = 10;

  /**
   * The energy and power of a transaction over time, from its first {@code SERIES_PAGES} pages of
   * {@code GET /transactions/{id}/meter-values} (5,000 samples: hours of a few measurands sampled
   * every minute); 404 if the transaction is unknown.
   */
  public MeterSeries meterSeries(TransactionView transaction) {
    List<MeterSampleView> samples = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    for (int i = 0; i < SERIES_PAGES; i++) {
      Page<MeterSampleView> page =
          meterValues.samples(
              transaction.id(), page(MeterValueQueries.LIST, PageRequest.MAX_LIMIT, cursor, 2));
      samples.addAll(page.items());
      cursor = Optional.ofNullable(page.next());
      if (cursor.isEmpty()) {
        break;
      }
    }
    return MeterSeries.of(transaction.meterStart(), samples, cursor.isPresent());
  }

  /**
   * The charging profiles stored for a charger, as {@code GET /chargers/{id}/charging-profiles}.
   */
  public List<ChargingProfileView> chargingProfiles(String chargerId) {
    return chargingProfiles.ofCharger(chargerId);
  }

  /** A page of {@code GET /charging-profiles}: the fleet's profiles by charger and profile id. */
  public Page<ChargingProfileView> chargingProfiles(
      ChargingProfileFilter filter, int limit, Optional<String> cursor) {
    return chargingProfiles.list(filter, page(ChargingProfileQueries.LIST, limit, cursor, 2));
  }

  /** The newest {@code limit} frames of the message log of a charger. */
  public List<MessageView> messages(String chargerId, int limit) {
    return messages
        .recent(chargerId, page(MessageLogQueries.LIST, limit, Optional.empty(), 2))
        .items();
  }

  /** The newest {@code limit} commands sent to a charger, with their outcomes. */
  public List<CommandView> commands(String chargerId, int limit) {
    return commands
        .list(Optional.of(chargerId), Optional.empty(), Optional.empty(), Optional.empty(), limit)
        .stream()
        .map(CommandView::of)
        .toList();
  }

  /**
   * The newest accepted GetConfiguration of a charger: its answer is the configuration as the
   * charger last reported it (OCPP 1.6 §6.11, {@code configurationKey} and {@code unknownKey}).
   */
  public Optional<CommandView> lastConfiguration(String chargerId) {
    return commands
        .list(
            Optional.of(chargerId),
            Optional.of(CommandStatus.ACCEPTED),
            Optional.of(Action.GET_CONFIGURATION),
            Optional.empty(),
            1)
        .stream()
        .findFirst()
        .map(CommandView::of);
  }

  /** One command, as {@code GET /commands/{id}} shows it. */
  public Optional<CommandView> command(long id) {
    return commands.find(id).map(CommandView::of);
  }

  static PageRequest page(String list, int limit, Optional<String> cursor, int keyParts) {
    if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
      throw ApiException.badParameter(
          "limit", limit + " is not from 1 to " + PageRequest.MAX_LIMIT);
    }
    return new PageRequest(
        list, limit, cursor.map(token -> Cursor.decode(list, token, keyParts)).orElse(List.of()));
  }
}
