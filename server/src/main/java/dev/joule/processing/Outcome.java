package dev.joule.processing;

import dev.joule.bus.Lease;
import dev.joule.bus.Reply;

/** The frame that answers one leased CALL, ready to publish once its batch is committed. */
record Outcome(Lease lease, String frame) {
  /** The reply to send to the gateway that holds the charger. */
  Reply reply() {
    var message = lease.message();
    return new Reply(
        message.chargerId(), message.connectionEpoch(), message.call().messageId(), frame);
  }
}
