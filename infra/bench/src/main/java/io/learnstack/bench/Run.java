package io.learnstack.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One benchmark run as it is kept.
 *
 * @param startedAt when it started, an ISO instant
 * @param mode      {@code short} or {@code full}; runs are compared within a mode
 * @param machine   cores, operating system and Java version
 * @param options   what the run was asked to do
 * @param figures   what it measured
 */
record Run(String startedAt, String mode, Map<String, String> machine, Map<String, String> options,
           List<Figure> figures) {

    Optional<Figure> figure(String name) {
        return figures.stream().filter(figure -> figure.name().equals(name)).findFirst();
    }
}
