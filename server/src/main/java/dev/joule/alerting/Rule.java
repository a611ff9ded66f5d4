package dev.joule.alerting;

import java.time.Duration;

/**
 * The built-in alert rules. The same conditions ship for Prometheus in {@code
 * deploy/prometheus/joule-alerts.yml}; operations.md says what to do about each.
 */
public enum Rule {
  PROCESSING_STALLED("ProcessingStalled", Severity.CRITICAL) {
    @Override
    boolean breached(Signals s, AlertSettings t) {
      return s.recentStalls() > 0
          || s.longestHeld().compareTo(t.stallHeld()) >= 0
          || !s.stalledInstances().isEmpty();
    }

    @Override
    String describe(Signals s) {
      if (s.recentStalls() == 0 && !s.stalledInstances().isEmpty()) {
        return "processing stalled: instance " + String.join("; ", s.stalledInstances());
      }
      String holding =
          s.workersHolding() == 0
              ? "a worker held its messages"
              : s.workersHolding()
                  + (s.workersHolding() == 1 ? " worker holds " : " workers hold ")
                  + s.messagesHeld()
                  + (s.messagesHeld() == 1 ? " message" : " messages")
                  + ", the longest";
      return "processing stalled: "
          + holding
          + " without progress for "
          + seconds(s.longestHeld())
          + (s.recentStalls() > 0 ? ", " + s.recentStalls() + " stalled worker(s) replaced" : "")
          + (s.stalledInstances().isEmpty()
              ? ""
              : "; instance " + String.join("; ", s.stalledInstances()));
    }
  },
  PROCESSING_BEHIND("ProcessingBehind", Severity.CRITICAL) {
    @Override
    boolean breached(Signals s, AlertSettings t) {
      return s.receivedPerSecond() >= 1
          && s.processedPerSecond() < 0.9 * s.receivedPerSecond()
          && s.backlog() > 0;
    }

    @Override
    Duration pendingFor(AlertSettings t) {
      return t.processingBehindFor();
    }

    @Override
    String describe(Signals s) {
      return String.format(
          "processing behind: %.0f msg/s processed, %.0f msg/s received, %d waiting",
          s.processedPerSecond(), s.receivedPerSecond(), s.backlog());
    }
  },
  OLDEST_WAITING_TOO_OLD("OldestWaitingTooOld", Severity.CRITICAL) {
    @Override
    boolean breached(Signals s, AlertSettings t) {
      return s.oldestWaiting().compareTo(t.oldestWaiting()) > 0;
    }

    @Override
    String describe(Signals s) {
      return "the oldest message has waited " + seconds(s.oldestWaiting()) + " to be processed";
    }
  },
  REDELIVERIES_HIGH("RedeliveriesHigh", Severity.WARNING) {
    @Override
    boolean breached(Signals s, AlertSettings t) {
      return s.redeliveriesLastMinute() > t.redeliveriesPerMinute();
    }

    @Override
    String describe(Signals s) {
      return s.redeliveriesLastMinute() + " messages redelivered in the last minute";
    }
  },
  CHARGERS_DISCONNECTING("ChargersDisconnecting", Severity.WARNING) {
    @Override
    boolean breached(Signals s, AlertSettings t) {
      return s.disconnectsLastMinute() > t.disconnectsPerMinute();
    }

    @Override
    String describe(Signals s) {
      return s.disconnectsLastMinute() + " chargers disconnected in the last minute";
    }
  },
  COMMANDS_TIMING_OUT("CommandsTimingOut", Severity.WARNING) {
    @Override
    boolean breached(Signals s, AlertSettings t) {
      return s.commandTimeoutsLastMinute() > t.commandTimeoutsPerMinute();
    }

    @Override
    String describe(Signals s) {
      return s.commandTimeoutsLastMinute() + " commands to chargers timed out in the last minute";
    }
  },
  POISON_MESSAGES("PoisonMessages", Severity.WARNING) {
    @Override
    boolean breached(Signals s, AlertSettings t) {
      return s.deadLetteredLastMinute() > 0;
    }

    @Override
    String describe(Signals s) {
      return s.deadLetteredLastMinute()
          + " CALL(s) failed max-deliver times in the last minute: set aside on the dead-letter"
          + " subject and answered InternalError";
    }
  },
  INSTANCE_GONE("InstanceGone", Severity.CRITICAL) {
    @Override
    boolean breached(Signals s, AlertSettings t) {
      return !s.goneInstances().isEmpty();
    }

    @Override
    String describe(Signals s) {
      return "instance gone: " + String.join("; ", s.goneInstances());
    }
  },
  /**
   * A charger reported a security event of a type the whitepaper marks critical (edition 3,
   * appendix "Security events"; profile.security.SecurityEventTypes). A warning: it concerns one
   * charger, not Joule, so it opens no status-page incident.
   */
  CHARGER_SECURITY_EVENT("ChargerSecurityEvent", Severity.WARNING) {
    @Override
    boolean breached(Signals s, AlertSettings t) {
      return !s.criticalSecurityEvents().isEmpty();
    }

    @Override
    String describe(Signals s) {
      return s.criticalSecurityEvents().size()
          + " critical security event(s) from chargers in the last minute: "
          + String.join("; ", s.criticalSecurityEvents());
    }
  },
  CHARGER_AUTHENTICATION_FAILURES("ChargerAuthenticationFailures", Severity.WARNING) {
    @Override
    boolean breached(Signals s, AlertSettings t) {
      return s.authenticationFailuresLastMinute() > t.authenticationFailuresPerMinute();
    }

    @Override
    String describe(Signals s) {
      return s.authenticationFailuresLastMinute()
          + " charger connections refused by authentication in the last minute (wrong or missing"
          + " key or certificate, downgrade, unknown identity): see the gateway's log for the"
          + " source addresses";
    }
  },
  DATABASE_SLOW("DatabaseSlow", Severity.WARNING) {
    @Override
    boolean breached(Signals s, AlertSettings t) {
      return s.dbLatency().compareTo(t.dbLatency()) > 0;
    }

    @Override
    Duration pendingFor(AlertSettings t) {
      return Duration.ofSeconds(3);
    }

    @Override
    String describe(Signals s) {
      return "database slow: SELECT 1 took " + s.dbLatency().toMillis() + " ms";
    }
  };

  private final String alertName;
  private final Severity severity;

  Rule(String alertName, Severity severity) {
    this.alertName = alertName;
    this.severity = severity;
  }

  /** As the {@code severity} label of the Prometheus rule file. */
  public Severity severity() {
    return severity;
  }

  /** The rule named {@code alertName}, if any. */
  public static java.util.Optional<Rule> named(String alertName) {
    for (Rule rule : values()) {
      if (rule.alertName.equals(alertName)) {
        return java.util.Optional.of(rule);
      }
    }
    return java.util.Optional.empty();
  }

  /** The alert's name, as in the Prometheus rule file. */
  public String alertName() {
    return alertName;
  }

  abstract boolean breached(Signals signals, AlertSettings thresholds);

  /** How long the condition must hold before the alert fires. */
  Duration pendingFor(AlertSettings thresholds) {
    return Duration.ZERO;
  }

  /** One line for humans, with the values that breached. */
  abstract String describe(Signals signals);

  private static String seconds(Duration d) {
    return String.format("%.1f s", d.toMillis() / 1000.0);
  }
}
