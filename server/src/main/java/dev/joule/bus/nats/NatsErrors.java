package dev.joule.bus.nats;

import io.nats.client.Connection;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import io.nats.client.JetStreamSubscription;
import io.nats.client.support.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jnats' notices in Joule's log. An expired pull request (408) is how every idle lease ends,
 * several times a second per worker: not worth a line. Everything else is logged once, through
 * SLF4J.
 */
public final class NatsErrors implements ErrorListener {
  private static final Logger LOG = LoggerFactory.getLogger("dev.joule.bus.nats");

  @Override
  public void errorOccurred(Connection connection, String error) {
    LOG.warn("NATS error: {}", error);
  }

  @Override
  public void exceptionOccurred(Connection connection, Exception exception) {
    LOG.warn("NATS connection: {}", exception.toString());
  }

  @Override
  public void slowConsumerDetected(Connection connection, Consumer consumer) {
    LOG.warn("NATS slow consumer: messages are being dropped for {}", consumer);
  }

  @Override
  public void pullStatusWarning(
      Connection connection, JetStreamSubscription subscription, Status status) {
    if (status.getCode() != 408 && status.getCode() != 404) {
      LOG.info("NATS pull: {}", status);
    }
  }

  @Override
  public void pullStatusError(
      Connection connection, JetStreamSubscription subscription, Status status) {
    LOG.warn("NATS pull failed: {}", status);
  }
}
