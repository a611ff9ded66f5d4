package dev.joule.app;

/** Bad configuration: one line naming the key and why. Start-up stops with it. */
public final class ConfigError extends RuntimeException {
  public ConfigError(String key, String reason) {
    super(key + ": " + reason, null, false, false);
  }
}
