package dev.joule.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium for browser tests. Missing, it is installed once with apt-get when the
 * tests run as root; otherwise (or if that fails) the test is skipped, saying why. Both paths are
 * given to Selenium, so Selenium Manager never looks for a browser or driver on the network.
 */
final class Chromium {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path APT_GET = Path.of("/usr/bin/apt-get");
  private static final Path INSTALL_LOG =
      Path.of("target", "chromium-install.log").toAbsolutePath();
  private static final long INSTALL_MINUTES = 6;

  private Chromium() {}

  /** Aborts the calling test when there is no chromium; may first spend minutes installing it. */
  static void assumeInstalled() {
    Decided.UNAVAILABLE.ifPresent(Assumptions::abort);
  }

  /** A headless Chromium with its console logged; aborts the calling test when there is none. */
  static ChromeDriver start() {
    assumeInstalled();
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .withLogFile(Path.of("target", "chromedriver.log").toFile())
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox", // Chromium's sandbox refuses to run as root
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,1800");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    return new ChromeDriver(service, options);
  }

  /** Why there is no browser, decided (and said) once per JVM; empty when there is one. */
  private static final class Decided {
    static final Optional<String> UNAVAILABLE = installed() ? Optional.empty() : install();

    static {
      UNAVAILABLE.ifPresent(System.out::println);
    }
  }

  private static boolean installed() {
    return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
  }

  private static Optional<String> install() {
    if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(APT_GET)) {
      return Optional.of(
          "browser test skipped: chromium not installed (install chromium and chromium-driver,"
              + " or run as root with apt-get)");
    }
    System.out.println(
        "installing chromium and chromium-driver with apt-get (at most "
            + INSTALL_MINUTES
            + " min, log: "
            + INSTALL_LOG
            + ")");
    try {
      Files.createDirectories(INSTALL_LOG.getParent());
      ProcessBuilder apt =
          new ProcessBuilder(
                  "sh",
                  "-c",
                  "apt-get update && apt-get install -y --no-install-recommends"
                      + " chromium chromium-driver")
              .redirectErrorStream(true)
              .redirectOutput(INSTALL_LOG.toFile());
      apt.environment().put("DEBIAN_FRONTEND", "noninteractive");
      Process process = apt.start();
      if (!process.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (IOException e) {
      return Optional.of("browser test skipped: chromium not installed and apt-get failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("browser test skipped: interrupted while installing chromium");
    }
    return installed()
        ? Optional.empty()
        : Optional.of(
            "browser test skipped: chromium not installed and apt-get failed (see "
                + INSTALL_LOG
                + ")");
  }
}
