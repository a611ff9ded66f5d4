package dev.joule.ocpp.message.trigger;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.Min;
import dev.joule.ocpp.schema.Nullable;

/** OCPP 1.6 TriggerMessage.req (Remote Trigger profile, central system to charge point). */
public record TriggerMessageRequest(
    MessageTrigger requestedMessage, @Nullable @Min(1) Integer connectorId) implements Request {}
