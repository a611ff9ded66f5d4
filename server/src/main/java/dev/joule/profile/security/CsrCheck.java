package dev.joule.profile.security;

import java.io.IOException;
import java.io.StringReader;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * Checks the CSR of a SignCertificate.req before Joule's CA signs it. The whitepaper (edition 3,
 * "Installing a Charge Point certificate", SignCertificate.req) has the charger send a PKCS#10 CSR
 * (RFC 2986), PEM-encoded, whose subject CN is the charger's identity; its key is RSA of at least
 * 2048 bits or elliptic-curve ("Keys used for OCPP", at least 2048-bit RSA / 224-bit EC). A CSR is
 * accepted only if it parses, its self-signature verifies (the charger holds the private key) and
 * its one CN equals the identity the charger connected with.
 */
public final class CsrCheck {
  private static final int MIN_RSA_BITS = 2048;
  private static final int MIN_EC_BITS = 224;

  private CsrCheck() {}

  /** What the check found. */
  public sealed interface Verdict {}

  /** Good to sign. */
  public record Valid(PKCS10CertificationRequest csr) implements Verdict {}

  /** Not signed; {@code reason} is for the log, in words. */
  public record Invalid(String reason) implements Verdict {}

  public static Verdict check(String pem, String chargerId) {
    PKCS10CertificationRequest csr;
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      if (!(parser.readObject() instanceof PKCS10CertificationRequest request)) {
        return new Invalid("not a PEM certificate request (-----BEGIN CERTIFICATE REQUEST-----)");
      }
      csr = request;
    } catch (IOException | RuntimeException e) {
      return new Invalid("not a readable PEM certificate request: " + e.getMessage());
    }
    try {
      if (!csr.isSignatureValid(
          new JcaContentVerifierProviderBuilder().build(csr.getSubjectPublicKeyInfo()))) {
        return new Invalid("its signature does not verify with its own public key");
      }
    } catch (OperatorCreationException | PKCSException | RuntimeException e) {
      return new Invalid("its signature cannot be checked: " + e.getMessage());
    }
    RDN[] cns = csr.getSubject().getRDNs(BCStyle.CN);
    if (cns.length != 1) {
      return new Invalid("its subject has " + cns.length + " CNs, not one: " + csr.getSubject());
    }
    String cn = IETFUtils.valueToString(cns[0].getFirst().getValue());
    if (!cn.equals(chargerId)) {
      return new Invalid("its CN '" + cn + "' is not the charger's identity '" + chargerId + "'");
    }
    return keyStrength(csr);
  }

  private static Verdict keyStrength(PKCS10CertificationRequest csr) {
    try {
      var key = new JcaPKCS10CertificationRequest(csr).getPublicKey();
      if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
        return new Invalid("its RSA key has " + rsa.getModulus().bitLength() + " bits, < 2048");
      }
      if (key instanceof java.security.interfaces.ECPublicKey ec
          && ec.getParams().getCurve().getField().getFieldSize() < MIN_EC_BITS) {
        return new Invalid("its EC key is smaller than 224 bits");
      }
      return new Valid(csr);
    } catch (java.security.GeneralSecurityException | RuntimeException e) {
      return new Invalid("its public key cannot be read: " + e.getMessage());
    }
  }
}
