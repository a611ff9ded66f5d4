package dev.joule.alerting;

import java.time.Instant;

/**
 * One transition of one alert, as kept in the history and sent to the webhook.
 *
 * @param alert the rule's name, e.g. {@code ProcessingStalled}
 * @param state {@code pending}, {@code firing} or {@code resolved}
 * @param at when the transition happened
 * @param since when the condition was first seen (for resolved: when it fired)
 * @param text a line for humans (Slack-style webhooks show it as the message)
 */
public record AlertEvent(String alert, String state, Instant at, Instant since, String text) {}
