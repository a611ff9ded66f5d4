package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Response;
import java.time.Instant;

/** OCPP 1.6 Heartbeat.conf (Core profile, charge point to central system). */
public record HeartbeatResponse(Instant currentTime) implements Response {}
