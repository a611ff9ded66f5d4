package dev.joule.app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The TLS keys ({@code tls-cert-file}, {@code tls-key-file}, {@code tls-client-ca-file}): read and
 * checked at start-up, so a wrong file stops Joule with one line naming the key, and again at every
 * reload ({@link ServerTls}), so a broken renewal keeps the last good certificate.
 */
final class TlsKeys {
  private TlsKeys() {}

  /** Empty when neither certificate nor key is set: no TLS. */
  static Optional<Config.Tls> read(Function<String, Optional<String>> optional) {
    Optional<String> cert = optional.apply("tls-cert-file");
    Optional<String> key = optional.apply("tls-key-file");
    Optional<String> clientCa = optional.apply("tls-client-ca-file");
    if (cert.isEmpty() && key.isEmpty()) {
      if (clientCa.isPresent()) {
        throw new ConfigError(
            "tls-client-ca-file",
            "needs tls-cert-file and tls-key-file: client certificates are checked only over TLS");
      }
      return Optional.empty();
    }
    if (cert.isEmpty()) {
      throw new ConfigError("tls-cert-file", "required with tls-key-file");
    }
    if (key.isEmpty()) {
      throw new ConfigError("tls-key-file", "required with tls-cert-file");
    }
    Config.Tls tls =
        new Config.Tls(Path.of(cert.get()), Path.of(key.get()), clientCa.map(Path::of));
    check(tls);
    return Optional.of(tls);
  }

  /**
   * What the files hold now, each checked.
   *
   * @throws ConfigError naming the key whose file is missing, unreadable or not PEM of its kind
   */
  static Loaded load(Config.Tls tls) {
    byte[] chain = bytes("tls-cert-file", tls.certFile());
    List<X509Certificate> certificates = certificates("tls-cert-file", chain);
    byte[] key = bytes("tls-key-file", tls.keyFile());
    String keyText = new String(key, StandardCharsets.US_ASCII);
    if (!keyText.contains("-----BEGIN ") || !keyText.contains("PRIVATE KEY-----")) {
      throw new ConfigError(
          "tls-key-file",
          tls.keyFile() + " holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
    }
    Optional<byte[]> ca = tls.clientCaFile().map(path -> bytes("tls-client-ca-file", path));
    ca.ifPresent(bytes -> certificates("tls-client-ca-file", bytes));
    return new Loaded(chain, key, ca, certificates.getFirst());
  }

  static void check(Config.Tls tls) {
    load(tls);
  }

  /**
   * The files' contents.
   *
   * @param server the first certificate of the chain: the server's own
   */
  record Loaded(byte[] chain, byte[] key, Optional<byte[]> clientCa, X509Certificate server) {}

  private static byte[] bytes(String key, Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new ConfigError(key, "cannot read " + path + ": " + e);
    }
  }

  private static List<X509Certificate> certificates(String key, byte[] pem) {
    try {
      Collection<? extends java.security.cert.Certificate> read =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(pem));
      if (read.isEmpty()) {
        throw new ConfigError(key, "holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
      }
      return read.stream().map(c -> (X509Certificate) c).toList();
    } catch (CertificateException e) {
      throw new ConfigError(key, "holds no readable PEM certificate: " + e.getMessage());
    }
  }
}
