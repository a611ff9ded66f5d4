package dev.joule.ocpp.message.trigger;

import dev.joule.ocpp.Response;

/** OCPP 1.6 TriggerMessage.conf (Remote Trigger profile, central system to charge point). */
public record TriggerMessageResponse(TriggerMessageStatus status) implements Response {}
