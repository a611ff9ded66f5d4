package dev.joule.status;

import dev.joule.alerting.AlertEvent;

/** An alert transition and the node whose rules made it: one row of the alert history. */
record AlertRecord(AlertEvent event, String node) {}
