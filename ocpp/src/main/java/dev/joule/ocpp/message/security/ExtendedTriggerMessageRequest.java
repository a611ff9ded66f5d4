package dev.joule.ocpp.message.security;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.Min;
import dev.joule.ocpp.schema.Nullable;

/**
 * OCPP 1.6 ExtendedTriggerMessage.req (Security (whitepaper edition 3) profile, central system to
 * charge point).
 */
public record ExtendedTriggerMessageRequest(
    MessageTriggerEnumType requestedMessage, @Nullable @Min(1) Integer connectorId)
    implements Request {}
