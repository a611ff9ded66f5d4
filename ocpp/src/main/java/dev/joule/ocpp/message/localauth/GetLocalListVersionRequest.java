package dev.joule.ocpp.message.localauth;

import dev.joule.ocpp.Request;

/**
 * OCPP 1.6 GetLocalListVersion.req (Local Auth List Management profile, central system to charge
 * point).
 */
public record GetLocalListVersionRequest() implements Request {}
