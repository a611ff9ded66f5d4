package dev.joule.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceAddressesTest {
  private static final URI LOOPBACK = URI.create("ws://127.0.0.1:8180/ocpp");

  private static List<String> parse(String spec, int chargers, URI url) {
    return SourceAddresses.parse(spec, chargers, url).stream()
        .map(InetAddress::getHostAddress)
        .toList();
  }

  @Test
  void autoSpreadsManyChargersOnLoopbackOverAsManyAddressesAsNeeded() {
    assertThat(parse("auto", 5_000, LOOPBACK)).isEmpty();
    assertThat(parse("auto", 19_000, LOOPBACK))
        .containsExactly("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5");
    assertThat(parse("auto", 19_000, URI.create("ws://10.1.2.3:8180/ocpp"))).isEmpty();
  }

  @Test
  void rangesListsAndNone() {
    assertThat(parse("127.0.0.254-127.0.1.1", 1, LOOPBACK))
        .containsExactly("127.0.0.254", "127.0.0.255", "127.0.1.0", "127.0.1.1");
    assertThat(parse("127.0.0.7, 127.0.0.9", 1, LOOPBACK))
        .containsExactly("127.0.0.7", "127.0.0.9");
    assertThat(parse("none", 100_000, LOOPBACK)).isEmpty();
  }

  @Test
  void backwardsOrHugeRangesAreRefused() {
    assertThatThrownBy(() -> parse("127.0.0.9-127.0.0.2", 1, LOOPBACK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not source addresses: '127.0.0.9-127.0.0.2'");
    assertThatThrownBy(() -> parse("127.0.0.1-127.1.0.0", 1, LOOPBACK))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
