package dev.joule.status;

import java.time.Instant;

/**
 * What the supervisor did to heal: an incident's {@code identified} update quotes it.
 *
 * @param at when it acted
 * @param text the instance or worker and the action, e.g. "worker processor-2 abandoned after
 *     holding 100 messages for 5.0 s; 100 messages released for redelivery"
 */
public record Healing(Instant at, String text) {}
