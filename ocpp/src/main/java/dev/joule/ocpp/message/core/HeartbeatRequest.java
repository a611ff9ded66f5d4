package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Request;

/** OCPP 1.6 Heartbeat.req (Core profile, charge point to central system). */
public record HeartbeatRequest() implements Request {}
