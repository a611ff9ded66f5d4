package dev.joule.ocpp.json;

/**
 * What to do with payload fields the schema does not know. The official schemas say {@code
 * additionalProperties: false}, but real chargers add vendor fields; see
 * docs/decisions/0003-unknown-fields.md.
 */
public enum UnknownFields {
  /** Skip them: for everything a charger sends, so a vendor field never costs a message. */
  IGNORE,
  /** Refuse them with FormationViolation: for operator input, where an unknown field is a typo. */
  REJECT
}
