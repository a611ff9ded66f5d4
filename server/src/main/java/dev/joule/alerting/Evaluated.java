package dev.joule.alerting;

import java.util.List;

/**
 * One evaluation round: the signals the rules read and the alerts firing after it, for whatever
 * derives its own view from the same signals (the status page's components).
 */
public record Evaluated(Signals signals, List<String> firing) {
  public Evaluated {
    firing = List.copyOf(firing);
  }
}
