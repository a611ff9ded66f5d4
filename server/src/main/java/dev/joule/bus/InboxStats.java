package dev.joule.bus;

import java.time.Duration;

/** A snapshot of an inbox's progress signals. */
public record InboxStats(
    long published,
    long acked,
    long redelivered,
    int waiting,
    int leased,
    Duration oldestWaiting) {}
