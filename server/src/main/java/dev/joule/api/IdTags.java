package dev.joule.api;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The idTags Joule authorizes, as {@code /api/v1/id-tags} and the console's id tags page change
 * them: one place that stores a change and then tells the local lists (which carry idTagInfo) of
 * it, so neither front end can forget the second step. Every method blocks on JDBC.
 */
public final class IdTags {
  /** The statuses a tag may have, wire values in the spec's order. */
  public static final List<String> STATUSES =
      Arrays.stream(IdTagStatus.values()).map(IdTagStatus::wire).toList();

  private final IdTagStore store;
  private final Clock clock;
  private final Consumer<String> changed;

  /**
   * @param changed told of every idTag created, replaced or deleted, after the change committed
   */
  public IdTags(DataSource dataSource, Clock clock, Consumer<String> changed) {
    this(new IdTagStore(new Database(dataSource)), clock, changed);
  }

  IdTags(IdTagStore store, Clock clock, Consumer<String> changed) {
    this.store = store;
    this.clock = clock;
    this.changed = changed;
  }

  /** A page of {@code GET /id-tags}, case-insensitive order. */
  public Page<IdTagView> list(int limit, Optional<String> cursor) {
    return list(Reads.page(IdTagStore.LIST, limit, cursor, 1));
  }

  Page<IdTagView> list(PageRequest page) {
    return store.list(page);
  }

  public Optional<IdTagView> find(String idTag) {
    return store.find(idTag);
  }

  /**
   * Creates or replaces a tag from a form's values (empty: none), checked as {@code PUT
   * /id-tags/{idTag}} checks its body; {@code expiryDate} is an ISO-8601 instant or a browser's
   * {@code datetime-local} value, read as UTC. A bad value is a 400 naming the field.
   */
  public IdTagView putForm(String idTag, String status, String expiryDate, String parentIdTag) {
    IdTagUpdate update =
        new IdTagUpdate(
            IdTagStatus.parse("status", status),
            Params.present(expiryDate).map(value -> Params.formInstant("expiryDate", value)),
            Params.present(parentIdTag)
                .map(value -> Params.text("parentIdTag", value, IdTagUpdate.MAX_LENGTH)));
    return put(Params.text("idTag", idTag, IdTagUpdate.MAX_LENGTH), update).tag();
  }

  /**
   * Blocks or unblocks (any status) a stored tag, keeping its expiry and parent; 404 if unknown.
   */
  public IdTagView setStatus(String idTag, String status) {
    IdTagView tag =
        store.find(idTag).orElseThrow(() -> ApiException.notFound("idTag '" + idTag + "'"));
    IdTagUpdate update =
        new IdTagUpdate(
            IdTagStatus.parse("status", status),
            Optional.ofNullable(tag.expiryDate()),
            Optional.ofNullable(tag.parentIdTag()));
    return put(tag.idTag(), update).tag();
  }

  IdTagStore.Put put(String idTag, IdTagUpdate update) {
    IdTagStore.Put put = store.put(idTag, update, clock.instant());
    changed.accept(idTag);
    return put;
  }

  /** Deletes a tag (any case), as {@code DELETE /id-tags/{idTag}}; whether it was there. */
  public boolean delete(String idTag) {
    boolean deleted = store.delete(idTag);
    if (deleted) {
      changed.accept(idTag);
    }
    return deleted;
  }
}
