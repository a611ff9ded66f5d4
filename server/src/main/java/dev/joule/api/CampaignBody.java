package dev.joule.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joule.domain.campaign.CampaignKind;
import dev.joule.domain.campaign.Campaigns;
import dev.joule.ocpp.Request;
import dev.joule.ocpp.message.firmware.UpdateFirmwareRequest;
import dev.joule.ocpp.message.security.SignedUpdateFirmwareRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code POST /campaigns/{kind}}: which chargers ({@code chargerIds}, or a {@code
 * filter} as {@code GET /chargers} takes it: {@code idPrefix}, {@code connected}, {@code status}),
 * how the campaign runs ({@code concurrency}, {@code chargerTimeout} and {@code
 * offlineRetryInterval} in seconds), and the fields of the OCPP request every charger gets, with
 * the spec's names: UpdateFirmware's {@code location, retrieveDate, retries, retryInterval}
 * (retrieveDate defaults to now), GetDiagnostics' {@code location, retries, retryInterval,
 * startTime, stopTime}, GetLog's {@code logType, log, retries, retryInterval},
 * SignedUpdateFirmware's {@code firmware, retries, retryInterval} (firmware.retrieveDateTime
 * defaults to now). The request is validated as a command's body is (unknown fields refused, a
 * fault names the field); the requestId is Joule's to choose, one per charger.
 */
final class CampaignBody {
  static final String CHARGER_IDS = "chargerIds";
  static final String FILTER = "filter";
  static final String CONCURRENCY = "concurrency";
  static final String CHARGER_TIMEOUT = "chargerTimeout";
  static final String OFFLINE_RETRY = "offlineRetryInterval";

  static final int DEFAULT_CONCURRENCY = 50;
  static final int MAX_CONCURRENCY = 10_000;
  static final int DEFAULT_CHARGER_TIMEOUT_S = 3_600;
  static final int MAX_CHARGER_TIMEOUT_S = 7 * 24 * 3_600;
  static final int DEFAULT_OFFLINE_RETRY_S = 60;
  static final int MAX_OFFLINE_RETRY_S = 24 * 3_600;

  /** At most this many chargers in one campaign. */
  static final int MAX_CHARGERS = 100_000;

  private static final Set<String> COMMON =
      Set.of(CHARGER_IDS, FILTER, CONCURRENCY, CHARGER_TIMEOUT, OFFLINE_RETRY);
  private static final Set<String> FILTER_FIELDS = Set.of("idPrefix", "connected", "status");

  private CampaignBody() {}

  /**
   * What a body asks for; exactly one of {@code chargerIds} and {@code filter} is present.
   *
   * @param notBefore when chargers can start: the firmware's retrieve date, or now
   */
  record Parsed(
      CampaignKind kind,
      Request request,
      Instant notBefore,
      Optional<List<String>> chargerIds,
      Optional<ChargerFilter> filter,
      Campaigns.Settings settings) {}

  static Parsed parse(CampaignKind kind, JsonNode body, Instant at) {
    // the default retrieve date in milliseconds: some chargers' parsers take no finer fraction
    Instant now = at.truncatedTo(ChronoUnit.MILLIS);
    if (!body.isObject()) {
      throw ApiException.badParameter("body", "must be a JSON object");
    }
    Optional<List<String>> chargerIds =
        Optional.ofNullable(body.get(CHARGER_IDS))
            .filter(node -> !node.isNull())
            .map(CampaignBody::chargerIds);
    Optional<ChargerFilter> filter =
        Optional.ofNullable(body.get(FILTER))
            .filter(node -> !node.isNull())
            .map(CampaignBody::filter);
    if (chargerIds.isPresent() == filter.isPresent()) {
      throw ApiException.badParameter(
          CHARGER_IDS,
          "give either chargerIds (a list) or filter (as GET /chargers takes), not both");
    }
    Campaigns.Settings settings =
        new Campaigns.Settings(
            integer(body, CONCURRENCY, DEFAULT_CONCURRENCY, MAX_CONCURRENCY),
            Duration.ofSeconds(
                integer(body, CHARGER_TIMEOUT, DEFAULT_CHARGER_TIMEOUT_S, MAX_CHARGER_TIMEOUT_S)),
            Duration.ofSeconds(
                integer(body, OFFLINE_RETRY, DEFAULT_OFFLINE_RETRY_S, MAX_OFFLINE_RETRY_S)));
    ObjectNode payload = ((ObjectNode) body).deepCopy();
    payload.remove(COMMON);
    defaults(kind, payload, now);
    Request request = CommandApi.readRequest(kind.command(), Json.writeString(payload));
    Instant notBefore =
        switch (request) {
          case UpdateFirmwareRequest update -> update.retrieveDate();
          case SignedUpdateFirmwareRequest signed -> signed.firmware().retrieveDateTime();
          default -> now;
        };
    return new Parsed(
        kind, request, notBefore.isBefore(now) ? now : notBefore, chargerIds, filter, settings);
  }

  /** The retrieve date defaults to now; the requestId is Joule's (a placeholder until sent). */
  private static void defaults(CampaignKind kind, ObjectNode payload, Instant now) {
    if (kind.hasRequestId()) {
      if (payload.has("requestId")) {
        throw ApiException.badParameter(
            "requestId", "Joule chooses the requestId, one per charger; leave it out");
      }
      payload.put("requestId", 0);
    }
    switch (kind) {
      case FIRMWARE -> {
        if (payload.path("retrieveDate").isMissingNode() || payload.path("retrieveDate").isNull()) {
          payload.put("retrieveDate", now.toString());
        }
      }
      case SIGNED_FIRMWARE -> {
        if (payload.path("firmware") instanceof ObjectNode firmware
            && (firmware.path("retrieveDateTime").isMissingNode()
                || firmware.path("retrieveDateTime").isNull())) {
          firmware.put("retrieveDateTime", now.toString());
        }
      }
      case DIAGNOSTICS, LOG -> {}
    }
  }

  private static List<String> chargerIds(JsonNode node) {
    if (!node.isArray() || node.isEmpty()) {
      throw ApiException.badParameter(CHARGER_IDS, "must be a non-empty list of charger ids");
    }
    if (node.size() > MAX_CHARGERS) {
      throw ApiException.badParameter(
          CHARGER_IDS, "at most " + MAX_CHARGERS + " chargers in one campaign");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode id : node) {
      if (!id.isTextual() || id.asText().isEmpty()) {
        throw ApiException.badParameter(CHARGER_IDS, "every item must be a charger id (a string)");
      }
      ids.add(id.asText());
    }
    return new ArrayList<>(ids);
  }

  private static ChargerFilter filter(JsonNode node) {
    if (!node.isObject()) {
      throw ApiException.badParameter(FILTER, "must be an object: idPrefix, connected, status");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FILTER_FIELDS.contains(name)) {
        throw ApiException.badParameter(
            FILTER + "." + name, "unknown field; a filter has idPrefix, connected and status");
      }
    }
    JsonNode connected = node.get("connected");
    if (connected != null && !connected.isNull() && !connected.isBoolean()) {
      throw ApiException.badParameter(FILTER + ".connected", "must be true or false");
    }
    return new ChargerFilter(
        Params.stringField(node, "idPrefix"),
        connected == null || connected.isNull()
            ? Optional.empty()
            : Optional.of(connected.booleanValue()),
        Params.stringField(node, "status"));
  }

  private static int integer(JsonNode body, String name, int fallback, int max) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isIntegralNumber()
        || !value.canConvertToInt()
        || value.intValue() < 1
        || value.intValue() > max) {
      throw ApiException.badParameter(name, "must be an integer from 1 to " + max);
    }
    return value.intValue();
  }
}
