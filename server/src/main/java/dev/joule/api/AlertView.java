package dev.joule.api;

import java.time.Instant;

/**
 * One alert transition of the history.
 *
 * @param at when the transition happened
 * @param since firing: when the condition was first seen; resolved: when it fired
 * @param firedAt when the alert fired (on the resolved row too)
 * @param resolvedAt when it resolved; null on a firing row
 * @param node the node whose rules made the transition
 */
public record AlertView(
    long id,
    String alert,
    String state,
    String severity,
    String node,
    Instant at,
    Instant since,
    Instant firedAt,
    Instant resolvedAt,
    String text) {}
