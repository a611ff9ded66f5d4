package dev.joule.profile.security;

/**
 * The CSO's own CA, reached over HTTP ({@code csr-ca-hook-url}, {@link CaHook}): takes a checked
 * CSR once its Accepted answer is committed. Must not block: it is called on a processing thread.
 */
@FunctionalInterface
public interface ExternalCa {
  ExternalCa NONE = (chargerId, csr) -> {};

  void forward(String chargerId, String csrPem);
}
