package dev.joule.sim;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * TLS handshakes only, as fast as {@code --threads} connections in a row allow: what a reconnect
 * storm costs a central system in TLS alone. Full handshakes get a new client context each (no
 * session to resume); resumed ones share one context, whose session cache offers the server's last
 * session (TLS 1.2 session id, TLS 1.3 ticket). Prints handshakes per second and how many were
 * resumed (TLS 1.2: the session id came back; TLS 1.3: not visible to the JDK client, so TLS 1.2 is
 * the default protocol here).
 */
@Command(
    name = "tls-handshakes",
    mixinStandardHelpOptions = true,
    description = "Open TLS connections to a server and close them: handshakes per second.")
public final class TlsHandshakes implements Callable<Integer> {
  @Option(names = "--host", defaultValue = "127.0.0.1")
  String host;

  @Option(names = "--port", required = true)
  int port;

  @Option(names = "--tls-ca", required = true, description = "PEM certificates to trust")
  Path ca;

  @Option(names = "--count", defaultValue = "2000")
  int count;

  @Option(names = "--threads", defaultValue = "4")
  int threads;

  @Option(names = "--resume", description = "share one client context so sessions resume")
  boolean resume;

  @Option(names = "--protocol", defaultValue = "TLSv1.2", description = "TLSv1.2 or TLSv1.3")
  String protocol;

  @Override
  public Integer call() throws Exception {
    KeyStore trust = trustStore(ca);
    SSLContext shared = context(trust);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger resumed = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    byte[][] lastId = new byte[1][];
    long start = System.nanoTime();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] =
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (next.getAndIncrement() < count) {
                      try {
                        SSLContext context = resume ? shared : context(trust);
                        try (SSLSocket socket =
                            (SSLSocket) context.getSocketFactory().createSocket(host, port)) {
                          socket.setEnabledProtocols(new String[] {protocol});
                          socket.startHandshake();
                          SSLSession session = socket.getSession();
                          synchronized (lastId) {
                            if (lastId[0] != null
                                && java.util.Arrays.equals(lastId[0], session.getId())) {
                              resumed.incrementAndGet();
                            }
                            lastId[0] = session.getId();
                          }
                        }
                      } catch (IOException | GeneralSecurityException e) {
                        failed.incrementAndGet();
                      }
                    }
                  });
    }
    for (Thread worker : workers) {
      worker.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "handshakes: %d in %.2f s = %.0f/s, %s, resumed %d, failed %d%n",
        count, seconds, count / seconds, protocol, resumed.get(), failed.get());
    return failed.get() == 0 ? 0 : 1;
  }

  private static KeyStore trustStore(Path ca) throws GeneralSecurityException, IOException {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = new FileInputStream(ca.toFile())) {
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trust.setCertificateEntry("ca-" + i++, c);
      }
    }
    return trust;
  }

  private static SSLContext context(KeyStore trust) throws GeneralSecurityException {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new TlsHandshakes()).execute(args));
  }
}
