package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS on Joule's one port (security profile 2's transport): chargers over wss and the API over
 * HTTPS, TLS 1.2+ with the whitepaper's cipher suites only, and a renewed certificate taken without
 * a restart.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TlsIT {
  @TempDir Path dir;

  @Test
  void chargersAndTheApiSpeakTlsAndARenewedCertificateIsTakenWithoutARestart() throws Exception {
    TestPki pki = TestPki.create("Joule test CA");
    Path cert = dir.resolve("server.crt");
    Path key = dir.resolve("server.key");
    pki.issue("joule-1").write(cert, key);
    try (JouleServer joule =
        JouleServer.start(
            dir.resolve("data"),
            "tls-cert-file",
            cert.toString(),
            "tls-key-file",
            key.toString())) {
      SSLContext trusting = pki.context(null);
      HttpClient client = HttpClient.newBuilder().sslContext(trusting).build();
      URI wss = URI.create("wss://127.0.0.1:" + joule.port() + "/ocpp/TLS-1");
      try (RawCharger charger = RawCharger.connect(client, wss)) {
        assertThat(charger.call(boot("b1"))).startsWith("[3,\"b1\"");
      }
      HttpResponse<String> api =
          client.send(
              HttpRequest.newBuilder(
                      URI.create("https://127.0.0.1:" + joule.port() + "/api/v1/chargers/TLS-1"))
                  .header("Authorization", "Bearer " + JouleServer.TOKEN)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(api.statusCode()).isEqualTo(200);
      assertThat(api.body()).contains("TLS-1");

      // Plain ws on the TLS port gets no WebSocket.
      assertThatThrownBy(() -> joule.charger("PLAIN-1").close()).isInstanceOf(Exception.class);

      // TLS 1.2 with a suite outside the whitepaper's list is refused; with one of them it works.
      assertThatThrownBy(
              () -> handshake(trusting, joule.port(), "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"))
          .isInstanceOf(SSLHandshakeException.class);
      assertThat(handshake(trusting, joule.port(), "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"))
          .isEqualTo("TLSv1.2");

      BigInteger before = serverCertificate(trusting, joule.port()).getSerialNumber();
      TestPki.Issued renewed = pki.issue("joule-2");
      renewed.write(cert, key);
      Await.until(
          () -> {
            try {
              return serverCertificate(trusting, joule.port())
                  .getSerialNumber()
                  .equals(renewed.certificate().getSerialNumber());
            } catch (Exception e) {
              return false;
            }
          },
          Duration.ofSeconds(20));
      assertThat(renewed.certificate().getSerialNumber()).isNotEqualTo(before);
      try (RawCharger again = RawCharger.connect(client, wss)) {
        assertThat(again.call(boot("b2"))).startsWith("[3,\"b2\"");
      }
    }
  }

  /** The protocol a TLS 1.2 handshake with only {@code suite} negotiated. */
  private static String handshake(SSLContext context, int port, String suite) throws Exception {
    try (SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.setEnabledProtocols(new String[] {"TLSv1.2"});
      socket.setEnabledCipherSuites(new String[] {suite});
      socket.startHandshake();
      return socket.getSession().getProtocol();
    }
  }

  private static X509Certificate serverCertificate(SSLContext context, int port) throws Exception {
    try (SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.startHandshake();
      return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }
  }

  private static String boot(String id) {
    return "[2,\""
        + id
        + "\",\"BootNotification\",{\"chargePointVendor\":\"Joule\",\"chargePointModel\":\"TLS\"}]";
  }
}
