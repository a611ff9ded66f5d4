package dev.joule.sim;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One simulation run.
 *
 * @param url the central system's OCPP endpoint; each charger appends {@code /<prefix><n>}
 * @param chargers number of simulated chargers
 * @param firstNumber number of the first charger, so that several simulators can share a server
 * @param prefix charger identity prefix
 * @param ramp time over which connections are spread evenly
 * @param duration steady phase after the ramp
 * @param rate target CALLs per second over all chargers; 0 for as fast as one outstanding CALL per
 *     charger allows
 * @param callTimeout a CALL not answered within this is counted as timed out
 * @param eventLoops number of event loops the chargers are spread over
 * @param seed seed of the traffic mix
 * @param mix what chargers send once booted
 * @param basicAuthPassword if not empty, each charger sends HTTP Basic credentials: its identity
 *     and this password (OCPP 1.6 Security Whitepaper, security profile 1)
 * @param sourceAddresses local addresses the chargers connect from, round robin; empty for the
 *     system's choice
 * @param countDelayedFrom answers received from this instant on are counted as delayed if they came
 *     later than {@link Stats#DELAY_THRESHOLD_NANOS}; {@link Instant#EPOCH} for the whole run
 * @param tlsCa with wss: PEM certificates to trust instead of the JDK's trust store
 * @param clientCert with wss: the PEM client certificate every charger presents (security profile
 *     3; its CN must be the charger's identity, so one certificate serves one charger)
 * @param clientKey its PEM (PKCS#8) private key
 * @param updateStep time between the notifications of a firmware update, a diagnostics or a log
 *     upload ({@link Updates})
 * @param updateFailures the share (0 to 1) of those that fail
 * @param samples sampled values per MeterValues, 1 to {@link Requests#MAX_SAMPLES}
 */
record SimConfig(
    URI url,
    int chargers,
    int firstNumber,
    String prefix,
    Duration ramp,
    Duration duration,
    double rate,
    Duration callTimeout,
    int eventLoops,
    long seed,
    Mix mix,
    String basicAuthPassword,
    List<InetAddress> sourceAddresses,
    Instant countDelayedFrom,
    Optional<Path> tlsCa,
    Optional<Path> clientCert,
    Optional<Path> clientKey,
    Duration updateStep,
    double updateFailures,
    int samples) {

  SimConfig {
    if (samples < 1 || samples > Requests.MAX_SAMPLES) {
      throw new IllegalArgumentException(
          "--samples must be from 1 to " + Requests.MAX_SAMPLES + ": " + samples);
    }
    if (updateStep.isNegative()) {
      throw new IllegalArgumentException("--firmware-steps must not be negative");
    }
    if (!(updateFailures >= 0 && updateFailures <= 1)) {
      throw new IllegalArgumentException(
          "--firmware-failures must be from 0 to 1: " + updateFailures);
    }
    if (clientCert.isPresent() != clientKey.isPresent()) {
      throw new IllegalArgumentException("--client-cert and --client-key go together");
    }
    sourceAddresses = List.copyOf(sourceAddresses);
    String scheme = Optional.ofNullable(url.getScheme()).orElse("");
    if (!scheme.equals("ws") && !scheme.equals("wss")) {
      throw new IllegalArgumentException("url must start with ws:// or wss://: " + url);
    }
    if (url.getHost() == null) {
      throw new IllegalArgumentException("url has no host: " + url);
    }
    if (chargers < 1) {
      throw new IllegalArgumentException("chargers must be at least 1: " + chargers);
    }
    if (ramp.isNegative() || duration.isNegative() || callTimeout.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
    if (rate < 0) {
      throw new IllegalArgumentException("rate must not be negative: " + rate);
    }
    if (eventLoops < 1) {
      throw new IllegalArgumentException("event loops must be at least 1: " + eventLoops);
    }
  }

  boolean secure() {
    return url.getScheme().equals("wss");
  }

  int port() {
    return url.getPort() >= 0 ? url.getPort() : secure() ? 443 : 80;
  }

  /** The request path of a charger: endpoint path, "/", identity percent-encoded (OCPP-J §3.1). */
  String path(String chargerId) {
    String base = Optional.ofNullable(url.getRawPath()).orElse("");
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + "/" + URLEncoder.encode(chargerId, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The Authorization header of a charger, empty without a password. */
  Optional<String> authorization(String chargerId) {
    if (basicAuthPassword.isEmpty()) {
      return Optional.empty();
    }
    byte[] credentials = (chargerId + ":" + basicAuthPassword).getBytes(StandardCharsets.UTF_8);
    return Optional.of("Basic " + Base64.getEncoder().encodeToString(credentials));
  }

  /** Identity of charger {@code index} (0-based). */
  String chargerId(int index) {
    return prefix + (firstNumber + index);
  }
}
