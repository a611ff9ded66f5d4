package dev.joule.sim;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The local addresses chargers connect from: {@code none} (the system picks), {@code auto}, a range
 * {@code 127.0.0.2-127.0.0.9}, or a list {@code 127.0.0.2,127.0.0.3}.
 *
 * <p>Each (source address, server address, server port) has at most the ephemeral port range of
 * local ports (32768-60999, ~28,000, on this machine); connections closed by the simulator then
 * hold theirs in TIME_WAIT for a minute, so a reconnect storm of 19,000 chargers would need 38,000
 * from one address. {@code auto} therefore spreads over 127.0.0.2, 127.0.0.3, ... with at most
 * {@value #AUTO_PER_ADDRESS} chargers each when the server is on loopback and there are more than
 * that; every 127/8 address is loopback on Linux, with nothing to configure.
 */
final class SourceAddresses {
  static final int AUTO_PER_ADDRESS = 5_000;

  /** Enough for 1.2 million chargers; also stops a typo from listing millions of addresses. */
  private static final int MAX_ADDRESSES = 254;

  private SourceAddresses() {}

  static List<InetAddress> parse(String spec, int chargers, URI url) {
    String text = spec.strip();
    try {
      if (text.equals("none")) {
        return List.of();
      }
      if (text.equals("auto")) {
        return auto(chargers, url);
      }
      if (text.contains("-")) {
        String[] ends = text.split("-", 2);
        return range(ipv4(ends[0]), ipv4(ends[1]), text);
      }
      List<InetAddress> addresses = new ArrayList<>();
      for (String part : text.split(",")) {
        addresses.add(InetAddress.getByName(part.strip()));
      }
      return List.copyOf(addresses);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(notAddresses(spec), e);
    }
  }

  private static List<InetAddress> auto(int chargers, URI url) throws UnknownHostException {
    if (chargers <= AUTO_PER_ADDRESS || !InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
      return List.of();
    }
    int count = (chargers + AUTO_PER_ADDRESS - 1) / AUTO_PER_ADDRESS;
    return range(ipv4("127.0.0.2"), ipv4("127.0.0.2") + count - 1, "auto");
  }

  private static List<InetAddress> range(long first, long last, String spec)
      throws UnknownHostException {
    if (last < first || last - first >= MAX_ADDRESSES) {
      throw new IllegalArgumentException(notAddresses(spec));
    }
    List<InetAddress> addresses = new ArrayList<>();
    for (long a = first; a <= last; a++) {
      addresses.add(
          InetAddress.getByAddress(
              new byte[] {(byte) (a >> 24), (byte) (a >> 16), (byte) (a >> 8), (byte) a}));
    }
    return List.copyOf(addresses);
  }

  private static long ipv4(String text) throws UnknownHostException {
    if (!(InetAddress.getByName(text.strip()) instanceof Inet4Address address)) {
      throw new UnknownHostException(text);
    }
    long value = 0;
    for (byte b : address.getAddress()) {
      value = value << 8 | (b & 0xff);
    }
    return value;
  }

  private static String notAddresses(String spec) {
    return "not source addresses: '"
        + spec
        + "' (auto, none, a range like 127.0.0.2-127.0.0.9 of at most "
        + MAX_ADDRESSES
        + ", or a list like 127.0.0.2,127.0.0.3)";
  }
}
