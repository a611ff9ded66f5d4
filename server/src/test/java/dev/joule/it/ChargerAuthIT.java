package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.chargetime.ocpp.ClientEvents;
import eu.chargetime.ocpp.JSONClient;
import eu.chargetime.ocpp.JSONConfiguration;
import eu.chargetime.ocpp.feature.profile.ClientCoreEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientCoreProfile;
import eu.chargetime.ocpp.model.core.BootNotificationConfirmation;
import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.RegistrationStatus;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Charger authentication with real WebSockets (security whitepaper edition 3): profile 1 (Basic)
 * with the right, a wrong and no key, a downgrade, a key change through ChangeConfiguration, the
 * independent eu.chargetime client over Basic auth; profile 3 over real TLS with client
 * certificates (right CN, wrong CN, another CA) and pending admission.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ChargerAuthIT {
  private static final String KEY = "key-one-0123456789";
  private static final String NEW_KEY = "key-two-0123456789ab";
  private static final Pattern CALL_ID =
      Pattern.compile("^\\[2,\"([^\"]+)\",\"ChangeConfiguration\"");

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void profileOneAdmitsTheRightKeyRefusesWrongMissingAndDowngradeAndTakesAKeyChange()
      throws Exception {
    try (JouleServer joule = JouleServer.start(dir.resolve("data"), "security-profile", "1")) {
      assertThat(
              joule
                  .put("/api/v1/chargers/CP-1", "{\"authorizationKey\":\"" + KEY + "\"}")
                  .statusCode())
          .isEqualTo(201);
      HttpResponse<String> again = joule.put("/api/v1/chargers/CP-1", "{\"securityProfile\":1}");
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(again.body())
          .contains("\"authorizationKeySet\":true")
          .contains("\"securityProfile\":1")
          .doesNotContain(KEY);
      assertThat(joule.get("/api/v1/chargers/CP-1").body())
          .contains(
              "\"security\":{\"securityProfile\":1,\"authorizationKeySet\":true,\"pending\":false}");
      HttpResponse<String> shortKey =
          joule.put("/api/v1/chargers/CP-9", "{\"authorizationKey\":\"short\"}");
      assertThat(shortKey.statusCode()).isEqualTo(400);
      assertThat(shortKey.body()).contains("authorizationKey: must be 16 to 40 characters, has 5");
      assertThat(joule.put("/api/v1/chargers/" + "x".repeat(49), "{}").body())
          .contains("id: charger identity has 49 characters, at most 48");

      HttpResponse<?> none = refusal(() -> connect(joule, "CP-1", Map.of()));
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Joule\"");
      assertThat(
              refusal(() -> connect(joule, "CP-1", RawCharger.basic("CP-1", "wrong-wrong-wrong")))
                  .statusCode())
          .isEqualTo(401);
      assertThat(
              refusal(() -> connect(joule, "CP-STRANGER", RawCharger.basic("CP-STRANGER", KEY)))
                  .statusCode())
          .isEqualTo(404);

      // Registered at profile 2: the right key over plain ws is a downgrade.
      joule.put(
          "/api/v1/chargers/CP-2", "{\"authorizationKey\":\"" + KEY + "\",\"securityProfile\":2}");
      assertThat(refusal(() -> connect(joule, "CP-2", RawCharger.basic("CP-2", KEY))).statusCode())
          .isEqualTo(401);

      try (RawCharger charger = connect(joule, "CP-1", RawCharger.basic("CP-1", KEY))) {
        assertThat(charger.call(boot("b1"))).contains("\"status\":\"Accepted\"");
        change(joule, charger, "CP-1", "AuthorizationKey", NEW_KEY);
      }
      assertThat(refusal(() -> connect(joule, "CP-1", RawCharger.basic("CP-1", KEY))).statusCode())
          .isEqualTo(401);
      try (RawCharger charger = connect(joule, "CP-1", RawCharger.basic("CP-1", NEW_KEY))) {
        assertThat(charger.call(boot("b2"))).contains("\"status\":\"Accepted\"");
      }

      // The key is in neither the message log nor the command view.
      Await.until(
          () ->
              joule.count(
                      "SELECT count(*) FROM message_log WHERE charger_id = 'CP-1'"
                          + " AND frame LIKE '%ChangeConfiguration%'")
                  > 0,
          Duration.ofSeconds(10));
      assertThat(joule.count("SELECT count(*) FROM message_log WHERE frame LIKE '%key-two%'"))
          .isZero();
      assertThat(joule.get("/api/v1/chargers/CP-1/commands").body())
          .contains("ChangeConfiguration")
          .doesNotContain(NEW_KEY);
      assertThat(joule.count("SELECT count(*) FROM command WHERE payload::text LIKE '%key-two%'"))
          .isZero();

      // SecurityProfile through ChangeConfiguration raises the recorded profile: plain ws is
      // refused.
      joule.put("/api/v1/chargers/CP-3", "{\"authorizationKey\":\"" + KEY + "\"}");
      try (RawCharger charger = connect(joule, "CP-3", RawCharger.basic("CP-3", KEY))) {
        change(joule, charger, "CP-3", "SecurityProfile", "2");
      }
      assertThat(joule.get("/api/v1/chargers/CP-3").body()).contains("\"securityProfile\":2");
      assertThat(refusal(() -> connect(joule, "CP-3", RawCharger.basic("CP-3", KEY))).statusCode())
          .isEqualTo(401);

      bootWithTheChargetimeClient(joule);

      String metrics = joule.get("/metrics").body();
      assertThat(metrics)
          .contains("joule_chargers_authentication_failures_total{reason=\"no-credentials\"} 1.0")
          .contains("joule_chargers_authentication_failures_total{reason=\"wrong-key\"} 2.0")
          .contains("joule_chargers_authentication_failures_total{reason=\"no-tls\"} 2.0")
          .contains("joule_chargers_authentication_failures_total{reason=\"unknown-charger\"} 1.0");
      // Each refusal of a registered charger is one of its security events; the key never.
      String refusals = joule.get("/api/v1/chargers/CP-1/security-events").body();
      assertThat(refusals)
          .contains("FailedToAuthenticateAtCentralSystem")
          .contains("refused by Joule: no-credentials (security profile 1, ws) from ")
          .contains("refused by Joule: wrong-key (security profile 1, ws) from ")
          .doesNotContain("wrong-wrong-wrong");
      assertThat(
              joule.count(
                  "SELECT count(*) FROM security_event WHERE charger_id = 'CP-1'"
                      + " AND type = 'FailedToAuthenticateAtCentralSystem'"))
          .isEqualTo(3);

      // Removing a connected charger closes its connection; it is unknown afterwards.
      RawCharger connected = connect(joule, "CP-1", RawCharger.basic("CP-1", NEW_KEY));
      assertThat(joule.delete("/api/v1/chargers/CP-1").statusCode()).isEqualTo(204);
      assertThat(connected.closeCode()).isEqualTo(1008);
      assertThat(
              refusal(() -> connect(joule, "CP-1", RawCharger.basic("CP-1", NEW_KEY))).statusCode())
          .isEqualTo(404);
      assertThat(joule.delete("/api/v1/chargers/CP-1").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void profileThreeChecksTheClientCertificateAndPendingChargersWaitForAcceptance()
      throws Exception {
    TestPki pki = TestPki.create("Joule charger CA");
    Path ca = pki.writeCa(dir.resolve("ca.crt"));
    try (JouleServer joule =
        startTls(
            pki,
            "tls-client-ca-file",
            ca.toString(),
            "security-profile",
            "3",
            "admission",
            "pending")) {
      URI wss = URI.create("wss://127.0.0.1:" + joule.port() + "/ocpp/CP-T3");
      HttpClient withCertificate =
          HttpClient.newBuilder().sslContext(pki.context(pki.issue("CP-T3"))).build();
      try (RawCharger charger = RawCharger.connect(withCertificate, wss)) {
        assertThat(charger.call(boot("p1"))).contains("\"status\":\"Pending\"");
      }
      HttpClient api = HttpClient.newBuilder().sslContext(pki.context(null)).build();
      assertThat(https(api, joule, "GET", "/api/v1/chargers/CP-T3", "").body())
          .contains("\"registrationStatus\":\"Pending\"")
          .contains("\"pending\":true");
      HttpResponse<String> accepted =
          https(api, joule, "POST", "/api/v1/chargers/CP-T3/accept", "");
      assertThat(accepted.statusCode()).isEqualTo(200);
      assertThat(accepted.body()).contains("\"pending\":false").contains("\"securityProfile\":3");
      assertThat(https(api, joule, "POST", "/api/v1/chargers/CP-T3/accept", "").statusCode())
          .isEqualTo(409);
      try (RawCharger charger = RawCharger.connect(withCertificate, wss)) {
        assertThat(charger.call(boot("p2"))).contains("\"status\":\"Accepted\"");
      }

      HttpClient wrongCn =
          HttpClient.newBuilder().sslContext(pki.context(pki.issue("CP-OTHER"))).build();
      assertThat(refusal(() -> RawCharger.connect(wrongCn, wss)).statusCode()).isEqualTo(401);
      HttpClient noCertificate = HttpClient.newBuilder().sslContext(pki.context(null)).build();
      assertThat(refusal(() -> RawCharger.connect(noCertificate, wss)).statusCode()).isEqualTo(401);
      TestPki otherCa = TestPki.create("Someone else's CA");
      HttpClient foreign =
          HttpClient.newBuilder()
              .sslContext(trustingJouleWith(pki, otherCa.issue("CP-T3"), otherCa))
              .build();
      // The TLS layer refuses a chain it cannot verify: no WebSocket, no connection recorded.
      assertThatThrownBy(() -> RawCharger.connect(foreign, wss)).isInstanceOf(Exception.class);
      assertThat(joule.count("SELECT count(*) FROM charger WHERE id = 'CP-OTHER'")).isZero();
    }
  }

  @Test
  void profileTwoNeedsTlsAndTheKey() throws Exception {
    TestPki pki = TestPki.create("Joule server CA");
    try (JouleServer joule = startTls(pki, "security-profile", "2")) {
      HttpClient tls = HttpClient.newBuilder().sslContext(pki.context(null)).build();
      HttpResponse<String> registered =
          https(
              tls,
              joule,
              "PUT",
              "/api/v1/chargers/CP-T2",
              "{\"authorizationKey\":\"" + KEY + "\"}");
      assertThat(registered.statusCode()).isEqualTo(201);
      // Its own profile is 0, but security-profile 2 holds it to TLS and Basic.
      assertThat(registered.body()).contains("\"securityProfile\":0");
      URI wss = URI.create("wss://127.0.0.1:" + joule.port() + "/ocpp/CP-T2");

      try (RawCharger charger = RawCharger.connect(tls, wss, RawCharger.basic("CP-T2", KEY))) {
        assertThat(charger.call(boot("t1"))).contains("\"status\":\"Accepted\"");
      }
      HttpResponse<?> none = refusal(() -> RawCharger.connect(tls, wss, Map.of()));
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Joule\"");
      assertThat(
              refusal(() -> RawCharger.connect(tls, wss, RawCharger.basic("CP-T2", NEW_KEY)))
                  .statusCode())
          .isEqualTo(401);
    }
  }

  /** Joule with TLS: a server certificate from {@code pki} and the other keys given. */
  private JouleServer startTls(TestPki pki, String... keyValues) throws Exception {
    Path cert = dir.resolve("server.crt");
    Path key = dir.resolve("server.key");
    pki.issue("joule").write(cert, key);
    List<String> options =
        new ArrayList<>(List.of("tls-cert-file", cert.toString(), "tls-key-file", key.toString()));
    options.addAll(List.of(keyValues));
    return JouleServer.start(dir.resolve("data"), options.toArray(String[]::new));
  }

  /** An API request over HTTPS (the API shares the TLS port) with the test token. */
  private static HttpResponse<String> https(
      HttpClient api, JouleServer joule, String method, String path, String body) throws Exception {
    return api.send(
        java.net.http.HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + joule.port() + path))
            .header("Authorization", "Bearer " + JouleServer.TOKEN)
            .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Trusts Joule's server certificate (signed by {@code serverCa}) and presents {@code client}. */
  private static javax.net.ssl.SSLContext trustingJouleWith(
      TestPki serverCa, TestPki.Issued client, TestPki clientCa) throws Exception {
    javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
    var kmf =
        javax.net.ssl.KeyManagerFactory.getInstance(
            javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
    java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry(
        "client",
        client.keys().getPrivate(),
        "test".toCharArray(),
        new java.security.cert.Certificate[] {client.certificate(), clientCa.ca});
    kmf.init(keys, "test".toCharArray());
    java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", serverCa.ca);
    var tmf =
        javax.net.ssl.TrustManagerFactory.getInstance(
            javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return context;
  }

  /** Sends ChangeConfiguration through the command API; the charger accepts it. */
  private static void change(
      JouleServer joule, RawCharger charger, String chargerId, String key, String value) {
    CompletableFuture<HttpResponse<String>> command =
        CompletableFuture.supplyAsync(
            () ->
                joule.post(
                    "/api/v1/chargers/" + chargerId + "/commands/ChangeConfiguration?wait=10s",
                    "{\"key\":\"" + key + "\",\"value\":\"" + value + "\"}"));
    String call = charger.next();
    Matcher id = CALL_ID.matcher(call);
    assertThat(id.find()).as(call).isTrue();
    assertThat(call).contains(value); // the charger itself needs the value
    charger.send("[3,\"" + id.group(1) + "\",{\"status\":\"Accepted\"}]");
    HttpResponse<String> done = command.join();
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("\"status\":\"accepted\"");
    if (key.equals("AuthorizationKey")) {
      assertThat(done.body()).doesNotContain(value);
    }
  }

  private void bootWithTheChargetimeClient(JouleServer joule) throws Exception {
    joule.put("/api/v1/chargers/CP-ET", "{\"authorizationKey\":\"" + KEY + "\"}");
    JSONClient client =
        new JSONClient(
            new ClientCoreProfile(
                (ClientCoreEventHandler)
                    Proxy.newProxyInstance(
                        getClass().getClassLoader(),
                        new Class<?>[] {ClientCoreEventHandler.class},
                        (proxy, method, args) -> null)),
            "CP-ET",
            JSONConfiguration.get()
                .setParameter(JSONConfiguration.USERNAME_PARAMETER, "CP-ET")
                .setParameter(JSONConfiguration.PASSWORD_PARAMETER, KEY));
    CompletableFuture<Void> opened = new CompletableFuture<>();
    client.connect(
        "ws://127.0.0.1:" + joule.port() + "/ocpp",
        new ClientEvents() {
          @Override
          public void connectionOpened() {
            opened.complete(null);
          }

          @Override
          public void connectionClosed() {}
        });
    try {
      opened.get(10, TimeUnit.SECONDS);
      BootNotificationConfirmation confirmation =
          (BootNotificationConfirmation)
              client
                  .send(new BootNotificationRequest("Chargetime", "Basic"))
                  .toCompletableFuture()
                  .get(10, TimeUnit.SECONDS);
      assertThat(confirmation.getStatus()).isEqualTo(RegistrationStatus.Accepted);
    } finally {
      client.disconnect();
    }
  }

  private RawCharger connect(JouleServer joule, String id, Map<String, String> headers) {
    return RawCharger.connect(http, URI.create(joule.url(id)), headers);
  }

  /** The HTTP answer that refused the WebSocket upgrade. */
  private static HttpResponse<?> refusal(java.util.function.Supplier<RawCharger> connect) {
    Throwable failure = null;
    try {
      connect.get().close();
    } catch (RuntimeException e) {
      failure = e;
    }
    while (failure != null && !(failure instanceof WebSocketHandshakeException)) {
      failure = failure.getCause();
    }
    assertThat(failure)
        .as("the upgrade was refused")
        .isInstanceOf(WebSocketHandshakeException.class);
    return ((WebSocketHandshakeException) failure).getResponse();
  }

  private static String boot(String id) {
    return "[2,\""
        + id
        + "\",\"BootNotification\",{\"chargePointVendor\":\"Joule\",\"chargePointModel\":\"Auth\"}]";
  }
}
