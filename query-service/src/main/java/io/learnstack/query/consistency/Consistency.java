package io.learnstack.query.consistency;

import java.time.Instant;

/**
 * How current the read models were when a read was answered.
 *
 * @param caughtUp          whether the projections had applied everything on the bus at the read's start
 * @param consistentThrough every statement stored up to this time is visible
 */
public record Consistency(boolean caughtUp, Instant consistentThrough) {
}
