package dev.joule.profile.security;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * The CA that signs chargers' certificates ({@code csr-ca-cert-file}, {@code csr-ca-key-file}): the
 * whitepaper's "Charge Point certificate" is an X.509 v3 client certificate issued by the CSO's CA
 * and returned, PEM-encoded with its chain, in CertificateSigned.req (edition 3, "Installing a
 * Charge Point certificate"). Thread-safe: signing reads only final state.
 */
public final class CertificateAuthority {
  /** Tolerates chargers whose clock is a little behind Joule's. */
  private static final Duration BACKDATE = Duration.ofMinutes(5);

  private final List<X509Certificate> chain;
  private final PrivateKey key;
  private final String signatureAlgorithm;
  private final SecureRandom random;

  private CertificateAuthority(List<X509Certificate> chain, PrivateKey key, SecureRandom random) {
    this.chain = List.copyOf(chain);
    this.key = key;
    this.signatureAlgorithm =
        key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    this.random = random;
  }

  /** A problem with one of the two files; {@code certFile} says which. */
  public static final class BadFile extends RuntimeException {
    private final boolean certFile;

    BadFile(boolean certFile, String message) {
      super(message);
      this.certFile = certFile;
    }

    public boolean certFile() {
      return certFile;
    }
  }

  /**
   * Reads the CA certificate (then, optionally, its own chain) and its private key (PKCS#8 or
   * PKCS#1/SEC1), checking that they belong together.
   *
   * @throws BadFile naming which file is missing, unreadable or wrong
   */
  public static CertificateAuthority read(Path certFile, Path keyFile, SecureRandom random) {
    List<X509Certificate> chain = certificates(certFile);
    PrivateKey key = privateKey(keyFile);
    CertificateAuthority ca = new CertificateAuthority(chain, key, random);
    ca.checkPair();
    return ca;
  }

  /** The CA's own certificate (the first of its file). */
  public X509Certificate certificate() {
    return chain.getFirst();
  }

  /** A certificate issued for a checked CSR, and its chain as CertificateSigned.req carries it. */
  public record Issued(X509Certificate certificate, String chainPem) {}

  /**
   * Signs {@code csr} (already checked by {@link CsrCheck}) for {@code validity} from {@code now}:
   * the CSR's subject and public key, a client certificate (key usage digital signature and key
   * agreement or encipherment, extended key usage TLS client), not a CA.
   */
  public Issued sign(PKCS10CertificationRequest csr, Instant now, Duration validity) {
    try {
      var publicKey = new JcaPKCS10CertificationRequest(csr).getPublicKey();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              certificate(),
              new BigInteger(127, random).add(BigInteger.ONE),
              Date.from(now.minus(BACKDATE)),
              Date.from(now.plus(validity)),
              csr.getSubject(),
              publicKey);
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(
              KeyUsage.digitalSignature
                  | (publicKey.getAlgorithm().equals("RSA")
                      ? KeyUsage.keyEncipherment
                      : KeyUsage.keyAgreement)));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey));
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          extensions.createAuthorityKeyIdentifier(certificate()));
      X509CertificateHolder holder =
          builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(key));
      X509Certificate issued = new JcaX509CertificateConverter().getCertificate(holder);
      List<X509Certificate> full = new ArrayList<>();
      full.add(issued);
      full.addAll(chain);
      return new Issued(issued, pem(full));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot sign the certificate request", e);
    }
  }

  private void checkPair() {
    try {
      X509CertificateHolder probe =
          new JcaX509v3CertificateBuilder(
                  certificate(),
                  BigInteger.ONE,
                  new Date(0),
                  new Date(1000),
                  certificate().getSubjectX500Principal(),
                  certificate().getPublicKey())
              .build(new JcaContentSignerBuilder(signatureAlgorithm).build(key));
      new JcaX509CertificateConverter().getCertificate(probe).verify(certificate().getPublicKey());
    } catch (GeneralSecurityException | OperatorCreationException | RuntimeException e) {
      throw new BadFile(false, "is not the private key of the CA certificate in csr-ca-cert-file");
    }
  }

  private static List<X509Certificate> certificates(Path file) {
    List<X509Certificate> certificates = new ArrayList<>();
    try (PEMParser parser = new PEMParser(Files.newBufferedReader(file))) {
      JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (o instanceof X509CertificateHolder holder) {
          certificates.add(converter.getCertificate(holder));
        }
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new BadFile(true, "cannot read " + file + ": " + e.getMessage());
    }
    if (certificates.isEmpty()) {
      throw new BadFile(true, file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
    }
    if (certificates.getFirst().getBasicConstraints() < 0) {
      throw new BadFile(true, file + ": its first certificate is not a CA (basic constraints)");
    }
    return certificates;
  }

  private static PrivateKey privateKey(Path file) {
    Object o;
    try (PEMParser parser = new PEMParser(Files.newBufferedReader(file))) {
      o = parser.readObject();
    } catch (IOException | RuntimeException e) {
      throw new BadFile(false, "cannot read " + file + ": " + e.getMessage());
    }
    try {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      return switch (o) {
        case PrivateKeyInfo info -> converter.getPrivateKey(info);
        case PEMKeyPair pair -> converter.getKeyPair(pair).getPrivate();
        case null, default ->
            throw new BadFile(
                false, file + " holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
      };
    } catch (IOException e) {
      throw new BadFile(false, "cannot read the key in " + file + ": " + e.getMessage());
    }
  }

  private static String pem(List<X509Certificate> certificates) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      for (X509Certificate certificate : certificates) {
        writer.writeObject(certificate);
      }
    }
    return out.toString();
  }
}
