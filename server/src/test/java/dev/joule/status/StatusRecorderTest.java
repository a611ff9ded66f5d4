package dev.joule.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.alerting.AlertEvent;
import dev.joule.alerting.Severity;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class StatusRecorderTest {
  @Test
  void aDatabaseThatHangsNeverBlocksTheCallerAndDropsAreCounted() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    DataSource hanging =
        (DataSource)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getConnection")) {
                    entered.countDown();
                    release.await();
                    throw new java.sql.SQLException("test database closed");
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    StatusRecorder recorder =
        new StatusRecorder(
            hanging,
            "node-1",
            () -> new StatusRecorder.ClusterView(true, List.of()),
            new StatusSettings(Duration.ofMinutes(10), true));
    try {
      AlertEvent event =
          new AlertEvent(
              "ProcessingStalled",
              "firing",
              Severity.CRITICAL,
              Instant.EPOCH,
              Instant.EPOCH,
              "FIRING ProcessingStalled: x");
      recorder.alert(event);
      assertThat(entered.await(5, TimeUnit.SECONDS)).as("writer in the database").isTrue();

      long started = System.nanoTime();
      for (int i = 0; i < StatusRecorder.CAPACITY + 25; i++) {
        recorder.alert(event);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
      assertThat(recorder.dropped()).isEqualTo(25);
    } finally {
      release.countDown();
      recorder.close();
    }
  }
}
