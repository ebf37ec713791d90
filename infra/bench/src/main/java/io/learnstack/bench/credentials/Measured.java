package io.learnstack.bench.credentials;

/**
 * One figure of the credentials scenario.
 *
 * @param name  stable name, e.g. {@code credentials.load.statement-to-issued.p50}
 * @param value the figure
 * @param unit  e.g. {@code ms}, {@code learners}
 */
public record Measured(String name, double value, String unit) {
}
