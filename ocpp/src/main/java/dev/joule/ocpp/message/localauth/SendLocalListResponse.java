package dev.joule.ocpp.message.localauth;

import dev.joule.ocpp.Response;

/**
 * OCPP 1.6 SendLocalList.conf (Local Auth List Management profile, central system to charge point).
 */
public record SendLocalListResponse(UpdateStatus status) implements Response {}
