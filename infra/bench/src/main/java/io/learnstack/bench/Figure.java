package io.learnstack.bench;

/**
 * One measured figure.
 *
 * @param name  stable name, the key for comparing runs, e.g. {@code write.batch-5.statements-per-s}
 * @param value the figure
 * @param unit  e.g. {@code statements/s}, {@code ms}, {@code MiB}, {@code ratio}
 */
record Figure(String name, double value, String unit) {
}
