package dev.joule.bus.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import java.io.IOException;
import java.time.Duration;

/** The cluster's JetStream KV buckets: the latest value per key, on file storage. */
public final class KvBuckets {
  private KvBuckets() {}

  /**
   * Opens {@code name}, creating it if this is the cluster's first node.
   *
   * @param ttl how long a key not written lives; zero: forever
   */
  public static KeyValue open(Connection connection, String name, Duration ttl)
      throws IOException, JetStreamApiException {
    var management = connection.keyValueManagement();
    if (!management.getBucketNames().contains(name)) {
      var config =
          KeyValueConfiguration.builder()
              .name(name)
              .maxHistoryPerKey(1)
              .storageType(StorageType.File); // survives a NATS restart
      if (!ttl.isZero()) {
        config.ttl(ttl);
      }
      try {
        management.create(config.build());
      } catch (JetStreamApiException e) {
        // another node created it at the same moment: use theirs
        if (!management.getBucketNames().contains(name)) {
          throw e;
        }
      }
    }
    return connection.keyValue(name);
  }
}
