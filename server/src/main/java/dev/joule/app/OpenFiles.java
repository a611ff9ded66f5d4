package dev.joule.app;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The default of {@code max-connections}: the process's open-file limit less a reserve, so a full
 * gateway refuses new chargers with 503 instead of failing to open a database connection, a log
 * file or a jar.
 */
final class OpenFiles {
  /** Files Joule needs besides its connections: jars, logs, pool, NATS, selectors (~200 seen). */
  static final int RESERVE = 500;

  private OpenFiles() {}

  /** 0 (no limit of Joule's own) when the platform does not say. */
  static int connectionsAllowed() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof UnixOperatingSystemMXBean unix) {
      long max = unix.getMaxFileDescriptorCount();
      return (int) Math.max(1, Math.min(Integer.MAX_VALUE, max - RESERVE));
    }
    return 0;
  }
}
