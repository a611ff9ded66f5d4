package dev.joule.gateway;

import dev.joule.bus.Inbox;
import dev.joule.ocpp.json.OcppJson;
import io.vertx.core.Vertx;
import java.time.Clock;

/** What every connection of one gateway shares. */
record GatewayParts(
    Vertx vertx,
    String nodeId,
    GatewaySettings settings,
    GatewayLimits limits,
    OcppJson codec,
    Inbox inbox,
    FrameLog frameLog,
    Clock clock,
    GatewayCounters counters,
    CallSeconds calls) {}
