package dev.joule.processing;

import dev.joule.bus.Lease;

/** The frame that answers one leased CALL, ready to publish once its batch is committed. */
record Outcome(Lease lease, String frame) {}
