package dev.joule.it;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.util.io.pem.PemObjectGenerator;

/**
 * Certificates for the TLS tests, made with BouncyCastle: a CA, a server certificate for 127.0.0.1,
 * and charger client certificates (CN = identity), written as the PEM files Joule reads.
 */
public final class TestPki {
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  public final KeyPair caKeys;
  public final X509Certificate ca;

  private TestPki(String caName) throws GeneralSecurityException {
    caKeys = keys();
    ca = sign(new X500Name("CN=" + caName), caKeys, new X500Name("CN=" + caName), caKeys, true);
  }

  public static TestPki create(String caName) {
    try {
      return new TestPki(caName);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A certificate for {@code cn} signed by this CA (for 127.0.0.1 and localhost). */
  Issued issue(String cn) {
    try {
      KeyPair keys = keys();
      return new Issued(
          sign(new X500Name("CN=" + cn + ",O=Joule tests"), keys, caName(), caKeys, false), keys);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the CA certificate as PEM. */
  public Path writeCa(Path file) throws IOException {
    Files.writeString(file, pem(ca));
    return file;
  }

  /** Writes the CA's private key as PEM (PKCS#8). */
  public Path writeCaKey(Path file) throws IOException {
    Files.writeString(file, pem(new JcaPKCS8Generator(caKeys.getPrivate(), null)));
    return file;
  }

  /** A PEM PKCS#10 certificate request for {@code subject} (e.g. "CN=CP-1,O=Joule tests"). */
  public static String csr(String subject, KeyPair keys) {
    try {
      String algorithm =
          keys.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
      return pem(
          new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), keys.getPublic())
              .build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate())));
    } catch (org.bouncycastle.operator.OperatorCreationException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The certificates of a PEM chain, in order. */
  public static java.util.List<X509Certificate> chain(String pem) {
    try {
      return java.security.cert.CertificateFactory.getInstance("X.509")
          .generateCertificates(
              new java.io.ByteArrayInputStream(
                  pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
          .stream()
          .map(X509Certificate.class::cast)
          .toList();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A P-256 key pair, as chargers of profile 3 use. */
  public static KeyPair ecKeys() {
    try {
      return keys();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A certificate and its key pair. */
  record Issued(X509Certificate certificate, KeyPair keys) {
    /** Writes {@code <name>.crt} and {@code <name>.key} (PKCS#8) into {@code dir}. */
    void write(Path cert, Path key) throws IOException {
      // Written to a temporary file first, then moved, as a renewal would.
      Path certTmp = cert.resolveSibling(cert.getFileName() + ".tmp");
      Path keyTmp = key.resolveSibling(key.getFileName() + ".tmp");
      Files.writeString(certTmp, pem(certificate));
      Files.writeString(keyTmp, pem(new JcaPKCS8Generator(keys.getPrivate(), null)));
      Files.move(keyTmp, key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.move(certTmp, cert, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** A client TLS context that trusts this CA and, with {@code client}, presents it. */
  SSLContext context(Issued client) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca", ca);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      KeyManagerFactory kmf = null;
      if (client != null) {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        char[] password = "test".toCharArray();
        keys.setKeyEntry(
            "client",
            client.keys().getPrivate(),
            password,
            new java.security.cert.Certificate[] {client.certificate(), ca});
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private X500Name caName() {
    return new X500Name(ca.getSubjectX500Principal().getName());
  }

  private static KeyPair keys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(
      X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys, boolean isCa)
      throws GeneralSecurityException {
    Instant now = Instant.now();
    try {
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuer,
              BigInteger.valueOf(SERIAL.incrementAndGet()),
              Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(Duration.ofDays(30))),
              subject,
              subjectKeys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
      if (!isCa) {
        builder.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(
                new GeneralName[] {
                  new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                  new GeneralName(GeneralName.dNSName, "localhost")
                }));
      }
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    } catch (org.bouncycastle.operator.OperatorCreationException | IOException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static String pem(Object object) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      if (object instanceof PemObjectGenerator generator) {
        writer.writeObject(generator);
      } else {
        writer.writeObject(object);
      }
    }
    return text.toString();
  }
}
