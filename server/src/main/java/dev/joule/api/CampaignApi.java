package dev.joule.api;

import dev.joule.domain.ChargerConnections;
import dev.joule.domain.campaign.Campaign;
import dev.joule.domain.campaign.CampaignChargerState;
import dev.joule.domain.campaign.CampaignKind;
import dev.joule.domain.campaign.CampaignStatus;
import dev.joule.domain.campaign.Campaigns;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Firmware, diagnostics and log campaigns (decision 0015): {@code POST /campaigns/{kind}} with kind
 * {@code firmware}, {@code signed-firmware}, {@code diagnostics} or {@code log} creates one (201,
 * {@link CampaignBody}); {@code GET /campaigns?status=&kind=} lists them newest first; {@code GET
 * /campaigns/{id}} reads one with its totals per state; {@code GET /campaigns/{id}/chargers?state=}
 * lists its chargers in turn order; {@code POST /campaigns/{id}/pause|resume|cancel} changes it
 * (409 when its status does not allow that).
 */
public final class CampaignApi {
  static final String CAMPAIGNS = ReadApi.PREFIX + "/campaigns";
  static final String CAMPAIGN = CAMPAIGNS + "/:campaignId";
  static final String CHARGERS = CAMPAIGN + "/chargers";
  static final String PAUSE = CAMPAIGN + "/pause";
  static final String RESUME = CAMPAIGN + "/resume";
  static final String CANCEL = CAMPAIGN + "/cancel";
  static final String LIST = "campaigns";
  static final String CHARGER_LIST = "campaign-chargers";

  private static final long BODY_LIMIT = 2 * 1024 * 1024;

  private final Campaigns campaigns;
  private final ChargerConnections connections;
  private final Database database;
  private final Clock clock;
  private final Replies replies;

  /**
   * @param connections what a {@code filter} with {@code connected} reads (this node's gateway)
   */
  public CampaignApi(
      Campaigns campaigns,
      ChargerConnections connections,
      DataSource dataSource,
      Clock clock,
      Executor blocking) {
    this.campaigns = campaigns;
    this.connections = connections;
    this.database = new Database(dataSource);
    this.clock = clock;
    this.replies = new Replies(blocking);
  }

  /** Adds the routes; mount before {@link ReadApi#mount}. */
  public void mount(Router router) {
    for (CampaignKind kind : CampaignKind.values()) {
      router
          .post(CAMPAIGNS + "/" + kind.wire())
          .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
          .handler(rc -> create(rc, kind));
    }
    router.get(CAMPAIGNS).handler(this::list);
    router.get(CAMPAIGN).handler(this::one);
    router.get(CHARGERS).handler(this::chargers);
    router.post(PAUSE).handler(rc -> change(rc, CampaignStatus.PAUSED));
    router.post(RESUME).handler(rc -> change(rc, CampaignStatus.RUNNING));
    router.post(CANCEL).handler(rc -> change(rc, CampaignStatus.CANCELLED));
  }

  private void create(RoutingContext rc, CampaignKind kind) {
    Query.of(rc);
    Buffer body = rc.body().buffer();
    CampaignBody.Parsed parsed =
        CampaignBody.parse(
            kind, Json.readBody(body == null ? new byte[0] : body.getBytes()), clock.instant());
    replies.reply(
        rc,
        () -> {
          List<String> chargerIds =
              parsed.chargerIds().map(this::known).orElseGet(() -> matching(parsed.filter().get()));
          Campaign created =
              campaigns.create(
                  kind, parsed.request(), parsed.notBefore(), chargerIds, parsed.settings());
          return Reply.createdAt(CAMPAIGNS + "/" + created.id(), CampaignView.of(created));
        });
  }

  /** The ids, all known; any unknown one is a 400 naming the first few. */
  private List<String> known(List<String> ids) {
    Set<String> found =
        database.run(
            connection -> {
              try (PreparedStatement query =
                  connection.prepareStatement("SELECT id FROM charger WHERE id = ANY(?)")) {
                query.setArray(1, connection.createArrayOf("text", ids.toArray()));
                Set<String> known = new HashSet<>();
                try (ResultSet rs = query.executeQuery()) {
                  while (rs.next()) {
                    known.add(rs.getString(1));
                  }
                }
                return known;
              }
            });
    List<String> unknown = ids.stream().filter(id -> !found.contains(id)).toList();
    if (!unknown.isEmpty()) {
      throw ApiException.badParameter(
          CampaignBody.CHARGER_IDS,
          "no charger "
              + unknown.stream()
                  .limit(5)
                  .map(id -> "'" + id + "'")
                  .collect(Collectors.joining(", "))
              + (unknown.size() > 5 ? " (and " + (unknown.size() - 5) + " more)" : "")
              + " is known");
    }
    return ids;
  }

  /** The chargers the filter matches, by id, as {@code GET /chargers} lists them. */
  private List<String> matching(ChargerFilter filter) {
    Select select = new Select("SELECT id FROM charger").orderBy("id");
    filter.applyTo(select, connections);
    List<String> ids =
        database.run(
            connection -> {
              List<String> matched = new ArrayList<>();
              try (PreparedStatement query = select.prepare(connection);
                  ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                  matched.add(rs.getString(1));
                }
              }
              return matched;
            });
    if (ids.isEmpty()) {
      throw ApiException.badParameter(CampaignBody.FILTER, "no charger matches it");
    }
    if (ids.size() > CampaignBody.MAX_CHARGERS) {
      throw ApiException.badParameter(
          CampaignBody.FILTER,
          ids.size() + " chargers match; at most " + CampaignBody.MAX_CHARGERS + " per campaign");
    }
    return ids;
  }

  private void list(RoutingContext rc) {
    Query query = Query.ofList(rc, "status", "kind");
    Optional<CampaignStatus> status = query.text("status").map(CampaignApi::status);
    Optional<CampaignKind> kind = query.text("kind").map(CampaignApi::kind);
    PageRequest page = query.page(LIST, 1);
    Optional<Long> before = page.isFirst() ? Optional.empty() : Optional.of(page.afterNumber(0));
    replies.json(
        rc,
        () ->
            page.page(
                campaigns.list(status, kind, before, page.limit() + 1).stream()
                    .map(CampaignView::of)
                    .toList(),
                view -> List.of(Long.toString(view.id()))));
  }

  private void one(RoutingContext rc) {
    Query.of(rc);
    long id = id(rc);
    replies.json(rc, () -> CampaignView.of(find(id)));
  }

  private void chargers(RoutingContext rc) {
    Query query = Query.ofList(rc, "state");
    long id = id(rc);
    Optional<CampaignChargerState> state = query.text("state").map(CampaignApi::state);
    PageRequest page = query.page(CHARGER_LIST, 1);
    Optional<Integer> after =
        page.isFirst() ? Optional.empty() : Optional.of((int) page.afterNumber(0));
    replies.json(
        rc,
        () -> {
          find(id);
          return page.page(
              campaigns.chargers(id, state, after, page.limit() + 1).stream()
                  .map(CampaignChargerView::of)
                  .toList(),
              view -> List.of(Integer.toString(view.position())));
        });
  }

  private void change(RoutingContext rc, CampaignStatus next) {
    Query.of(rc);
    long id = id(rc);
    replies.json(
        rc,
        () -> {
          Campaign before = find(id);
          if (!before.status().canBecome(next)) {
            throw ApiException.conflict(
                "campaign "
                    + id
                    + " is "
                    + before.status().wire()
                    + ": it cannot be "
                    + next.wire());
          }
          Campaign after = campaigns.change(id, next).orElseThrow(() -> notFound(id));
          if (after.status() != next) { // another request or the driver moved it meanwhile
            throw ApiException.conflict(
                "campaign "
                    + id
                    + " is "
                    + after.status().wire()
                    + ": it cannot be "
                    + next.wire());
          }
          return CampaignView.of(after);
        });
  }

  private Campaign find(long id) {
    return campaigns.find(id).orElseThrow(() -> notFound(id));
  }

  private static ApiException notFound(long id) {
    return ApiException.notFound("campaign '" + id + "'");
  }

  private static long id(RoutingContext rc) {
    String raw = rc.pathParam("campaignId");
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw ApiException.notFound("campaign '" + raw + "'");
    }
  }

  private static CampaignStatus status(String wire) {
    return CampaignStatus.fromWire(wire)
        .orElseThrow(
            () ->
                ApiException.badParameter(
                    "status", "'" + wire + "' is not one of " + wires(CampaignStatus.values())));
  }

  private static CampaignKind kind(String wire) {
    return CampaignKind.fromWire(wire)
        .orElseThrow(
            () ->
                ApiException.badParameter(
                    "kind", "'" + wire + "' is not one of " + wires(CampaignKind.values())));
  }

  private static CampaignChargerState state(String wire) {
    return CampaignChargerState.fromWire(wire)
        .orElseThrow(
            () ->
                ApiException.badParameter(
                    "state",
                    "'" + wire + "' is not one of " + wires(CampaignChargerState.values())));
  }

  private static String wires(Enum<?>[] values) {
    return Arrays.stream(values)
        .map(
            value ->
                switch (value) {
                  case CampaignStatus s -> s.wire();
                  case CampaignKind k -> k.wire();
                  case CampaignChargerState c -> c.wire();
                  default -> value.name();
                })
        .collect(Collectors.joining(", "));
  }
}
