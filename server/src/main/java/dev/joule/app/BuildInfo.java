package dev.joule.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The version and commit this build was made from ({@code joule-build.properties}, written by the
 * build: the launcher passes the commit as {@code -Djoule.commit}). {@code ./joule --version}, the
 * start-up lines and the {@code joule_build_info} metric say them.
 */
public record BuildInfo(String version, String commit) {
  private static final BuildInfo CURRENT = read();

  public static BuildInfo current() {
    return CURRENT;
  }

  private static BuildInfo read() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/joule-build.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BuildInfo(
        known(properties.getProperty("version")), known(properties.getProperty("commit")));
  }

  /** An unfiltered placeholder (a build from an IDE) reads as unknown. */
  private static String known(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value.trim();
  }

  @Override
  public String toString() {
    return version + " (commit " + commit + ")";
  }

  /** For picocli's {@code --version}. */
  public static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"joule " + current()};
    }
  }
}
