package dev.joule.bus;

/**
 * The answer to a charger's CALL (a CALLRESULT or CALLERROR frame), on its way back to the gateway
 * that holds the connection.
 */
public record Reply(String chargerId, long connectionEpoch, String callId, String frame) {}
