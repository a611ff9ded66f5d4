package dev.joule.api;

import java.util.List;
import java.util.Optional;

/**
 * The filters of the fleet's charging profiles as stored; empty ones do not filter. Shared by
 * {@code GET /api/v1/charging-profiles} and the console's charging profiles page.
 *
 * @param chargerId one charger's profiles
 * @param purpose ChargePointMaxProfile, TxDefaultProfile or TxProfile (OCPP 1.6 §7.10
 *     ChargingProfilePurposeType)
 * @param status installed, replaced, cleared, rejected or notsupported (docs/commands.md)
 */
public record ChargingProfileFilter(
    Optional<String> chargerId, Optional<String> purpose, Optional<String> status) {
  public static final List<String> PURPOSES =
      List.of("ChargePointMaxProfile", "TxDefaultProfile", "TxProfile");

  /** The statuses a stored profile can have (V4's {@code charging_profile.status}). */
  public static final List<String> STATUSES = ChargerStateRoutes.PROFILE_STATUSES;

  /** Checks the values: a bad one is a 400 naming the parameter. */
  public ChargingProfileFilter {
    purpose.ifPresent(value -> check("purpose", value, PURPOSES));
    status.ifPresent(value -> check("status", value, STATUSES));
  }

  /** The filter of a form's values, where an empty value means "any". */
  public static ChargingProfileFilter ofForm(String chargerId, String purpose, String status) {
    return new ChargingProfileFilter(
        Params.present(chargerId), Params.present(purpose), Params.present(status));
  }

  static ChargingProfileFilter of(Query query) {
    return new ChargingProfileFilter(
        query.text("chargerId"), query.text("purpose"), query.text("status"));
  }

  void applyTo(Select select) {
    chargerId.ifPresent(id -> select.where("charger_id = ?", id));
    purpose.ifPresent(value -> select.where("purpose = ?", value));
    status.ifPresent(value -> select.where("status = ?", value));
  }

  private static void check(String name, String value, List<String> allowed) {
    if (!allowed.contains(value)) {
      throw ApiException.badParameter(
          name, "'" + value + "' is not one of " + String.join(", ", allowed));
    }
  }
}
