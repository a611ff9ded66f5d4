package dev.joule.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;

/**
 * How log lines are written: {@code text} for people (logback.xml), or {@code json}, one JSON
 * object per line for log shippers (logback-json.xml: time, level, logger, thread, message, the
 * node id as {@code instance}, and the context a processor sets while it handles a CALL: {@code
 * chargerId}, {@code messageId}, {@code action}).
 */
public enum LogFormat {
  TEXT,
  JSON;

  static LogFormat parse(String value) {
    return switch (value) {
      case "text" -> TEXT;
      case "json" -> JSON;
      default -> throw new ConfigError("log-format", "must be text or json, got '" + value + "'");
    };
  }

  /**
   * Switches logback to this format; {@code instance} is this node's id. Text is logback.xml's,
   * read at start-up, so only JSON reconfigures.
   */
  void apply(String instance) {
    if (this == TEXT || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    URL json = LogFormat.class.getResource("/logback-json.xml");
    context.reset();
    context.putProperty("instance", instance);
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(json);
    } catch (JoranException e) {
      throw new IllegalStateException("logback-json.xml: " + e.getMessage(), e);
    }
  }
}
