package dev.joule.status;

import java.time.Duration;

/**
 * The status page's keys (docs/configuration.md).
 *
 * @param quietPeriod an automatic incident in monitoring resolves after its alerts stayed quiet
 *     this long ({@code incident-quiet-period})
 * @param page whether {@code /status}, {@code /status.json} and the feed are served ({@code
 *     status-page})
 */
public record StatusSettings(Duration quietPeriod, boolean page) {}
