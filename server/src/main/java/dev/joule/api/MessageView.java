package dev.joule.api;

import java.time.Instant;

/**
 * One frame of the message log.
 *
 * @param direction {@code in} (from the charger) or {@code out} (to it)
 * @param frame the OCPP-J text frame as it went over the wire
 * @param at when the gateway received or sent it
 */
public record MessageView(long id, String direction, String frame, Instant at) {}
