package dev.joule.app;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.ServerSSLOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS on Joule's one port (security profiles 2 and 3): wss for chargers and HTTPS for the API.
 *
 * <ul>
 *   <li>TLS 1.2 and 1.3 only. Cipher suites: the security whitepaper's four for TLS 1.2 ({@code
 *       TLS_ECDHE_ECDSA_WITH_AES_128/256_GCM_*}, {@code TLS_RSA_WITH_AES_128/256_GCM_*}), the
 *       ECDHE-RSA GCM pair for RSA keys with forward secrecy, and TLS 1.3's own; the JDK leaves out
 *       any it disables.
 *   <li>With {@code tls-client-ca-file}, a client certificate is asked for and, when sent, its
 *       chain is checked against that CA; chargers of profile 2 send none, so the handshake does
 *       not require one: admission refuses a profile-3 charger without one.
 *   <li>The files are checked every {@link #CHECK_EVERY_SECONDS} s; when one changed and all still
 *       read as PEM, every server of this process takes the new certificate for new connections.
 *       Connections already open keep theirs. A broken file keeps the last good one, with a WARN.
 * </ul>
 */
final class ServerTls {
  private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);
  static final long CHECK_EVERY_SECONDS = 5;
  static final Set<String> PROTOCOLS = Set.of("TLSv1.2", "TLSv1.3");
  static final List<String> CIPHER_SUITES =
      List.of(
          "TLS_AES_128_GCM_SHA256",
          "TLS_AES_256_GCM_SHA384",
          "TLS_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_RSA_WITH_AES_256_GCM_SHA384");

  private final Config.Tls tls;
  private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
  private List<Object> stamp;

  ServerTls(Config.Tls tls) {
    this.tls = tls;
    this.stamp = stamp();
  }

  /** Turns TLS on in {@code options} with the files as they are now. */
  void configure(HttpServerOptions options) {
    TlsKeys.Loaded loaded = TlsKeys.load(tls);
    options.setSsl(true);
    ServerSSLOptions ssl = sslOptions(loaded);
    options.setKeyCertOptions(ssl.getKeyCertOptions());
    options.setTrustOptions(ssl.getTrustOptions());
    options.setClientAuth(ssl.getClientAuth());
    options.setEnabledSecureTransportProtocols(PROTOCOLS);
    CIPHER_SUITES.forEach(options::addEnabledCipherSuite);
    LOG.info("TLS certificate {}", describe(loaded));
  }

  /** A server that listens with these options: it takes renewed certificates too. */
  void serving(HttpServer server) {
    servers.add(server);
  }

  /** Checks the files every few seconds on {@code timers}. */
  void watch(ScheduledExecutorService timers) {
    timers.scheduleWithFixedDelay(
        this::reloadIfChanged, CHECK_EVERY_SECONDS, CHECK_EVERY_SECONDS, TimeUnit.SECONDS);
  }

  void reloadIfChanged() {
    List<Object> now = stamp();
    if (now.equals(stamp)) {
      return;
    }
    TlsKeys.Loaded loaded;
    try {
      loaded = TlsKeys.load(tls);
    } catch (ConfigError e) {
      LOG.warn("TLS files changed but are not usable, the last good ones stay: {}", e.getMessage());
      return; // checked again next time: a renewal written in two steps completes
    }
    stamp = now;
    ServerSSLOptions ssl = sslOptions(loaded);
    for (HttpServer server : servers) {
      server
          .updateSSLOptions(ssl, true)
          .onFailure(e -> LOG.warn("TLS certificate not reloaded: {}", e.toString()));
    }
    LOG.info("TLS certificate reloaded: {}", describe(loaded));
  }

  private ServerSSLOptions sslOptions(TlsKeys.Loaded loaded) {
    ServerSSLOptions ssl =
        new ServerSSLOptions()
            .setKeyCertOptions(
                new PemKeyCertOptions()
                    .setCertValue(Buffer.buffer(loaded.chain()))
                    .setKeyValue(Buffer.buffer(loaded.key())))
            .setEnabledSecureTransportProtocols(PROTOCOLS);
    CIPHER_SUITES.forEach(ssl::addEnabledCipherSuite);
    loaded
        .clientCa()
        .ifPresent(
            ca ->
                ssl.setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(ca)))
                    .setClientAuth(ClientAuth.REQUEST));
    return ssl;
  }

  private static String describe(TlsKeys.Loaded loaded) {
    return loaded.server().getSubjectX500Principal().getName()
        + ", valid until "
        + loaded.server().getNotAfter().toInstant()
        + loaded.clientCa().map(ca -> "; client certificates checked").orElse("");
  }

  /** Each file's modification time and size: what a renewal changes. */
  private List<Object> stamp() {
    List<Object> stamp = new ArrayList<>();
    List<Path> files = new ArrayList<>(List.of(tls.certFile(), tls.keyFile()));
    tls.clientCaFile().ifPresent(files::add);
    for (Path file : files) {
      try {
        stamp.add(Files.getLastModifiedTime(file).toMillis());
        stamp.add(Files.size(file));
      } catch (IOException e) {
        stamp.add(e.getClass().getSimpleName());
      }
    }
    return stamp;
  }
}
