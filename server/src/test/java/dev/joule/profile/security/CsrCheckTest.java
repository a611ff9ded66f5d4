package dev.joule.profile.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.it.TestPki;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import org.junit.jupiter.api.Test;

class CsrCheckTest {
  private static final KeyPair KEYS = TestPki.ecKeys();

  @Test
  void aCsrSignedByItsOwnKeyWithTheChargersIdentityAsCnIsValid() {
    CsrCheck.Verdict verdict = CsrCheck.check(TestPki.csr("CN=CP-1,O=Joule tests", KEYS), "CP-1");
    assertThat(verdict).isInstanceOf(CsrCheck.Valid.class);
    assertThat(((CsrCheck.Valid) verdict).csr().getSubject().toString())
        .isEqualTo("CN=CP-1,O=Joule tests");
  }

  @Test
  void aCsrForAnotherIdentityIsInvalidAndSaysWhy() {
    assertThat(CsrCheck.check(TestPki.csr("CN=CP-2", KEYS), "CP-1"))
        .isEqualTo(new CsrCheck.Invalid("its CN 'CP-2' is not the charger's identity 'CP-1'"));
  }

  @Test
  void aCsrWithoutCnIsInvalid() {
    assertThat(CsrCheck.check(TestPki.csr("O=Joule tests", KEYS), "CP-1"))
        .isInstanceOf(CsrCheck.Invalid.class);
  }

  @Test
  void textThatIsNoCsrIsInvalid() {
    assertThat(CsrCheck.check("hello", "CP-1")).isInstanceOf(CsrCheck.Invalid.class);
    assertThat(
            CsrCheck.check(
                TestPki.csr("CN=CP-1", KEYS).replace("CERTIFICATE REQUEST", "X"), "CP-1"))
        .isInstanceOf(CsrCheck.Invalid.class);
  }

  @Test
  void aCsrWhoseSignatureWasTamperedWithIsInvalid() {
    String pem = TestPki.csr("CN=CP-1", KEYS);
    String[] lines = pem.split("\n");
    // The signature is at the end of the DER: change a character of the last full base64 line.
    int last = lines.length - 3;
    char c = lines[last].charAt(10);
    lines[last] = lines[last].substring(0, 10) + (c == 'A' ? 'B' : 'A') + lines[last].substring(11);
    CsrCheck.Verdict verdict = CsrCheck.check(String.join("\n", lines), "CP-1");
    assertThat(verdict).isInstanceOf(CsrCheck.Invalid.class);
  }

  @Test
  void aShortRsaKeyIsRefused() throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    CsrCheck.Verdict verdict =
        CsrCheck.check(TestPki.csr("CN=CP-1", generator.generateKeyPair()), "CP-1");
    assertThat(verdict).isEqualTo(new CsrCheck.Invalid("its RSA key has 1024 bits, < 2048"));
  }
}
