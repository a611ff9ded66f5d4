package dev.joule.profile.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.joule.ocpp.message.security.CertificateSignedRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An external CA behind {@code csr-ca-hook-url}: POSTs {@code {"chargerId", "csr"}} (the checked
 * PEM CSR) and expects 200 with {@code {"certificateChain": "<PEM, the charger's certificate
 * first>"}}, which is sent to the charger with CertificateSigned. The whitepaper leaves how the
 * Central System obtains the certificate from its CA open (edition 3, "Installing a Charge Point
 * certificate"). A chain that is not PEM certificates, is longer than CertificateSigned takes, or
 * whose first certificate is not for the charger is not sent; every failure is logged once.
 */
public final class CaHook implements ExternalCa {
  private static final Logger LOG = LoggerFactory.getLogger(CaHook.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI url;
  private final CertificateDelivery delivery;
  private final HttpClient http;

  public CaHook(URI url, CertificateDelivery delivery, HttpClient http) {
    this.url = url;
    this.delivery = delivery;
    this.http = http;
  }

  @Override
  public void forward(String chargerId, String csrPem) {
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(Map.of("chargerId", chargerId, "csr", csrPem));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .whenComplete(
            (response, failure) -> {
              if (failure != null) {
                LOG.warn("{}: CA hook {} failed: {}", chargerId, url, failure.toString());
              } else if (response.statusCode() != 200) {
                LOG.warn("{}: CA hook {} answered {}", chargerId, url, response.statusCode());
              } else {
                deliver(chargerId, response.body());
              }
            });
  }

  private void deliver(String chargerId, String body) {
    try {
      delivery.send(chargerId, new CertificateSignedRequest(chain(chargerId, body)));
    } catch (IllegalArgumentException e) {
      LOG.warn("{}: CA hook {}: {}; not sent", chargerId, url, e.getMessage());
    }
  }

  /**
   * The chain of a hook's answer, checked.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  static String chain(String chargerId, String body) {
    JsonNode answer;
    try {
      answer = JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("the answer is not JSON");
    }
    JsonNode chain = answer == null ? null : answer.get("certificateChain");
    if (chain == null || !chain.isTextual()) {
      throw new IllegalArgumentException("the answer has no certificateChain text");
    }
    String pem = chain.asText();
    if (pem.length() > SecurityExtensionProfile.MAX_CHAIN) {
      throw new IllegalArgumentException(
          "the chain has " + pem.length() + " characters, CertificateSigned takes 10000");
    }
    List<X509Certificate> certificates;
    try {
      certificates =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(
                  new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
              .stream()
              .map(X509Certificate.class::cast)
              .toList();
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("the chain is not PEM certificates");
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("the chain holds no certificate");
    }
    X500Name subject =
        X500Name.getInstance(certificates.getFirst().getSubjectX500Principal().getEncoded());
    if (!CsrCheck.onlyCn(subject).equals(java.util.Optional.of(chargerId))) {
      throw new IllegalArgumentException("its first certificate's CN is not '" + chargerId + "'");
    }
    return pem;
  }
}
