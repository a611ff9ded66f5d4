package dev.joule.app;

import dev.joule.domain.access.ApiTokens;
import dev.joule.security.SecurityProfile;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The lines a node logs once it is ready: where to connect, what it runs, what is not safe yet. */
final class StartupLines {
  private static final Logger LOG = LoggerFactory.getLogger(Joule.class);

  private StartupLines() {}

  static void log(Config config, String node, boolean tls, int port, ApiTokens tokens) {
    LOG.info("  version              {}", BuildInfo.current());
    String secure = tls ? "s" : "";
    LOG.info("  chargers connect to  ws{}://<host>:{}/ocpp/<chargePointId>", secure, port);
    LOG.info("  HTTP API             http{}://<host>:{}/api/v1", secure, port);
    LOG.info("  event loops          {}", config.eventLoops());
    LOG.info(
        "  roles                {}",
        config.roles().stream().map(Role::key).collect(Collectors.joining(",")));
    config
        .bus()
        .ifPresent(
            b ->
                LOG.info(
                    "  bus                  {} cluster={} node={}",
                    b.natsUrl(),
                    b.cluster(),
                    node));
    LOG.info(
        "  data                 {}",
        config
            .dbUrl()
            .map(url -> url.replaceFirst("\\?.*", ""))
            .orElse(config.dataDir().toAbsolutePath().normalize().toString()));
    LOG.info(
        "  security profile     {} (lowest accepted), admission {}",
        config.security().minimum().level(),
        config.security().admission().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    if (config.security().minimum() == SecurityProfile.NONE) {
      LOG.warn(
          "  security-profile 0: chargers are not authenticated; any device may connect as a"
              + " registered charger's identity (set security-profile 1 to 3)");
    }
    if (!tokens.anyConfigured()) {
      LOG.warn(
          "  API tokens           none: every /api/v1 request gets 401; set {} or run"
              + " ./joule token create",
          Config.API_TOKEN_VARIABLE);
    }
  }
}
