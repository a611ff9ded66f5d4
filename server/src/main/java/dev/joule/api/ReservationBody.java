package dev.joule.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.joule.domain.reservation.Reservations;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code POST /reservations}, with ReserveNow.req's field names (OCPP 1.6 §6.45):
 * {@code {"chargerId", "connectorId"?: 0, "idTag", "parentIdTag"?, "expiryDate"}}. idTags are
 * IdToken, CiString20Type; connector 0 reserves any connector; the expiry must be in the future.
 * Any other field is a 400 naming it ({@code reservationId} is Joule's to choose).
 */
final class ReservationBody {
  static final Set<String> FIELDS =
      Set.of("chargerId", "connectorId", "idTag", "parentIdTag", "expiryDate");

  private ReservationBody() {}

  static Reservations.Request parse(JsonNode body, Instant now) {
    if (!body.isObject()) {
      throw ApiException.badParameter("body", "must be a JSON object");
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw ApiException.badParameter(
            name,
            "unknown field; a reservation has chargerId, connectorId, idTag, parentIdTag and"
                + " expiryDate");
      }
    }
    return request(
        required(body, "chargerId"),
        connectorId(body),
        required(body, "idTag"),
        Params.stringField(body, "parentIdTag"),
        Params.instant("expiryDate", required(body, "expiryDate")),
        now);
  }

  /** The request of a form's values (the console's): empty is none, connector empty is 0. */
  static Reservations.Request ofForm(
      String chargerId,
      String connectorId,
      String idTag,
      String parentIdTag,
      String expiryDate,
      Instant now) {
    int connector;
    try {
      connector = Params.present(connectorId).map(Integer::parseInt).orElse(0);
    } catch (NumberFormatException e) {
      connector = -1;
    }
    if (connector < 0) {
      throw ApiException.badParameter(
          "connectorId", "must be an integer, 0 (any connector) or a connector's id");
    }
    return request(
        Params.present(chargerId)
            .orElseThrow(() -> ApiException.badParameter("chargerId", "is required")),
        connector,
        Params.present(idTag).orElseThrow(() -> ApiException.badParameter("idTag", "is required")),
        Params.present(parentIdTag),
        Params.formInstant(
            "expiryDate",
            Params.present(expiryDate)
                .orElseThrow(() -> ApiException.badParameter("expiryDate", "is required"))),
        now);
  }

  private static Reservations.Request request(
      String chargerId,
      int connectorId,
      String idTag,
      Optional<String> parentIdTag,
      Instant expiry,
      Instant now) {
    String tag = Params.text("idTag", idTag, IdTagUpdate.MAX_LENGTH);
    Optional<String> parent =
        parentIdTag.map(value -> Params.text("parentIdTag", value, IdTagUpdate.MAX_LENGTH));
    if (!expiry.isAfter(now)) {
      throw ApiException.badParameter(
          "expiryDate", "'" + expiry + "' is not in the future (now " + now + ")");
    }
    return new Reservations.Request(chargerId, connectorId, tag, parent, expiry);
  }

  private static int connectorId(JsonNode body) {
    JsonNode value = body.get("connectorId");
    if (value == null || value.isNull()) {
      return 0;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
      throw ApiException.badParameter(
          "connectorId", "must be an integer, 0 (any connector) or a connector's id");
    }
    return value.intValue();
  }

  private static String required(JsonNode body, String name) {
    String value =
        Params.stringField(body, name)
            .orElseThrow(() -> ApiException.badParameter(name, "is required"));
    if (value.isEmpty()) {
      throw ApiException.badParameter(name, "must not be empty");
    }
    return value;
  }
}
