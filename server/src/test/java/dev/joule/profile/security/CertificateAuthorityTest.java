package dev.joule.profile.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joule.it.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  @TempDir Path dir;

  private CertificateAuthority ca(TestPki pki) throws Exception {
    return CertificateAuthority.read(
        pki.writeCa(dir.resolve("ca.crt")),
        pki.writeCaKey(dir.resolve("ca.key")),
        new SecureRandom());
  }

  @Test
  void signsACheckedCsrWithItsSubjectAndKeyForTheValidityAndChainsToTheCa() throws Exception {
    TestPki pki = TestPki.create("Joule test CSO CA");
    KeyPair charger = TestPki.ecKeys();
    CsrCheck.Valid csr =
        (CsrCheck.Valid) CsrCheck.check(TestPki.csr("CN=CP-7,O=Joule tests", charger), "CP-7");

    CertificateAuthority.Issued issued = ca(pki).sign(csr.csr(), NOW, Duration.ofDays(30));

    List<X509Certificate> chain = TestPki.chain(issued.chainPem());
    assertThat(chain).hasSize(2);
    X509Certificate leaf = chain.getFirst();
    assertThat(leaf).isEqualTo(issued.certificate());
    assertThat(chain.get(1)).isEqualTo(pki.ca);
    leaf.verify(pki.ca.getPublicKey()); // throws unless the CA signed it
    assertThat(X500Name.getInstance(leaf.getSubjectX500Principal().getEncoded()))
        .isEqualTo(csr.csr().getSubject());
    assertThat(X500Name.getInstance(leaf.getSubjectX500Principal().getEncoded()).toString())
        .isEqualTo("CN=CP-7,O=Joule tests");
    assertThat(leaf.getIssuerX500Principal()).isEqualTo(pki.ca.getSubjectX500Principal());
    assertThat(leaf.getPublicKey()).isEqualTo(charger.getPublic());
    assertThat(leaf.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(30)));
    assertThat(leaf.getNotBefore().toInstant()).isBefore(NOW);
    assertThat(leaf.getBasicConstraints()).isEqualTo(-1); // not a CA
    assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2"); // TLS client
  }

  @Test
  void twoCertificatesGetDifferentSerialNumbers() throws Exception {
    TestPki pki = TestPki.create("Joule test CSO CA");
    CertificateAuthority ca = ca(pki);
    CsrCheck.Valid csr =
        (CsrCheck.Valid) CsrCheck.check(TestPki.csr("CN=CP-8", TestPki.ecKeys()), "CP-8");
    assertThat(ca.sign(csr.csr(), NOW, Duration.ofDays(1)).certificate().getSerialNumber())
        .isNotEqualTo(ca.sign(csr.csr(), NOW, Duration.ofDays(1)).certificate().getSerialNumber());
  }

  @Test
  void aKeyThatIsNotTheCasIsRefusedNamingTheKeyFile() throws Exception {
    TestPki pki = TestPki.create("CA one");
    TestPki other = TestPki.create("CA two");
    Path cert = pki.writeCa(dir.resolve("ca.crt"));
    Path key = other.writeCaKey(dir.resolve("other.key"));
    assertThatThrownBy(() -> CertificateAuthority.read(cert, key, new SecureRandom()))
        .isInstanceOfSatisfying(
            CertificateAuthority.BadFile.class, e -> assertThat(e.certFile()).isFalse())
        .hasMessageContaining("is not the private key of the CA certificate");
  }

  @Test
  void aCertificateFileWithoutPemIsRefusedNamingTheCertFile() throws Exception {
    TestPki pki = TestPki.create("CA one");
    Path cert = Files.writeString(dir.resolve("ca.crt"), "not a certificate");
    Path key = pki.writeCaKey(dir.resolve("ca.key"));
    assertThatThrownBy(() -> CertificateAuthority.read(cert, key, new SecureRandom()))
        .isInstanceOfSatisfying(
            CertificateAuthority.BadFile.class, e -> assertThat(e.certFile()).isTrue())
        .hasMessageContaining("holds no PEM certificate");
  }
}
