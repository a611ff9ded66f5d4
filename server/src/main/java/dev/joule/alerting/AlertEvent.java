package dev.joule.alerting;

import java.time.Instant;

/**
 * One transition of one alert, as recorded in the alert history and sent to the webhook.
 *
 * @param alert the rule's name, e.g. {@code ProcessingStalled}
 * @param state {@code pending}, {@code firing} or {@code resolved}
 * @param severity the rule's severity
 * @param at when the transition happened
 * @param since when the condition was first seen (for resolved: when it fired)
 * @param text a line for humans (Slack-style webhooks show it as the message)
 */
public record AlertEvent(
    String alert, String state, Severity severity, Instant at, Instant since, String text) {

  public boolean firing() {
    return state.equals("firing");
  }

  /** The text without its {@code FIRING <alert>: } prefix: what was seen. */
  public String seen() {
    String prefix = "FIRING " + alert + ": ";
    return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
  }
}
