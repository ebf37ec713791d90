package io.learnstack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A soak's figures: the rates, and per part the resident memory once warmed up, at its largest after that,
 * and at the end. Memory is flat when the end is not above the warmed-up figure by more than the noise of a
 * collector; a part that grows steadily shows it in {@code growth}.
 */
final class SoakFigures {

    /** A JVM sizes its heap in the first minute under load; growth is measured from there. */
    static final long WARM_UP_SECONDS = 60;

    private SoakFigures() {
    }

    static List<Figure> of(SoakLoad.Result result, int offeredPerSecond) {
        List<Figure> figures = new ArrayList<>();
        List<SoakLoad.Window> windows = result.windows();
        long seconds = windows.isEmpty() ? 0 : windows.get(windows.size() - 1).secondsIn();
        figures.add(new Figure("soak.offered.statements-per-s", offeredPerSecond, "statements/s"));
        figures.add(new Figure("soak.accepted.statements-per-s",
                seconds == 0 ? 0 : (double) result.total(SoakLoad.Window::accepted) / seconds, "statements/s"));
        figures.add(new Figure("soak.accepted", result.total(SoakLoad.Window::accepted), "statements"));
        figures.add(new Figure("soak.throttled", result.total(SoakLoad.Window::throttled), "statements"));
        figures.add(new Figure("soak.failed", result.total(SoakLoad.Window::errors), "statements"));
        figures.add(new Figure("soak.not-sent", result.total(SoakLoad.Window::unsent), "statements"));
        result.latency().addTo(figures, "soak.request");
        if (windows.isEmpty()) {
            return figures;
        }
        List<SoakLoad.Window> warm = windows.stream().filter(window -> window.secondsIn() >= WARM_UP_SECONDS).toList();
        if (warm.isEmpty()) {
            warm = List.of(windows.get(windows.size() - 1));
        }
        Set<String> parts = new TreeSet<>();
        windows.forEach(window -> parts.addAll(window.residentMib().keySet()));
        Map<String, Long> warmedUp = warm.get(0).residentMib();
        Map<String, Long> end = windows.get(windows.size() - 1).residentMib();
        long totalEnd = 0;
        for (String part : parts) {
            if (!warmedUp.containsKey(part) || !end.containsKey(part)) {
                continue;
            }
            long max = warm.stream().mapToLong(window -> window.residentMib().getOrDefault(part, 0L)).max()
                    .orElse(0);
            figures.add(new Figure("soak.rss." + part + ".warmed-up", warmedUp.get(part), "MiB"));
            figures.add(new Figure("soak.rss." + part + ".max", max, "MiB"));
            figures.add(new Figure("soak.rss." + part + ".end", end.get(part), "MiB"));
            figures.add(new Figure("soak.rss." + part + ".growth", end.get(part) - warmedUp.get(part), "MiB"));
            totalEnd += end.get(part);
        }
        figures.add(new Figure("soak.rss.total.end", totalEnd, "MiB"));
        return figures;
    }
}
