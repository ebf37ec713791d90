package io.learnstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SoakFiguresTest {

    @Test
    void ratesComeFromTheWindowsAndMemoryGrowthFromTheFirstWarmedUpWindow() {
        List<SoakLoad.Window> windows = List.of(
                new SoakLoad.Window(30, 30_000, 20_000, 0, 0, 0, Map.of("projector", 300L, "kafka", 400L)),
                new SoakLoad.Window(60, 30_000, 25_000, 5_000, 0, 0, Map.of("projector", 500L, "kafka", 420L)),
                new SoakLoad.Window(90, 30_000, 26_000, 0, 100, 3_900, Map.of("projector", 560L, "kafka", 410L)),
                new SoakLoad.Window(120, 30_000, 29_000, 0, 0, 0, Map.of("projector", 520L, "kafka", 415L)));
        Samples latency = new Samples();
        latency.addNanos(40_000_000);

        Map<String, Double> figures = byName(SoakFigures.of(new SoakLoad.Result(windows, latency, null, List.of()), 1000));

        assertThat(figures).containsEntry("soak.accepted", 100_000.0)
                .containsEntry("soak.accepted.statements-per-s", 100_000.0 / 120)
                .containsEntry("soak.throttled", 5_000.0)
                .containsEntry("soak.failed", 100.0)
                .containsEntry("soak.not-sent", 3_900.0)
                .containsEntry("soak.rss.projector.warmed-up", 500.0)
                .containsEntry("soak.rss.projector.max", 560.0)
                .containsEntry("soak.rss.projector.end", 520.0)
                .containsEntry("soak.rss.projector.growth", 20.0)
                .containsEntry("soak.rss.kafka.growth", -5.0)
                .containsEntry("soak.rss.total.end", 935.0)
                .containsEntry("soak.request.p99", 40.0);
    }

    @Test
    void aSoakShorterThanTheWarmUpMeasuresFromItsLastWindow() {
        List<SoakLoad.Window> windows = List.of(
                new SoakLoad.Window(10, 100, 100, 0, 0, 0, Map.of("projector", 300L)),
                new SoakLoad.Window(20, 100, 100, 0, 0, 0, Map.of("projector", 310L)));

        Map<String, Double> figures = byName(SoakFigures.of(new SoakLoad.Result(windows, new Samples(), null,
                List.of()), 10));

        assertThat(figures).containsEntry("soak.rss.projector.warmed-up", 310.0)
                .containsEntry("soak.rss.projector.growth", 0.0)
                .doesNotContainKey("soak.request.p50");
    }

    private static Map<String, Double> byName(List<Figure> figures) {
        Map<String, Double> byName = new LinkedHashMap<>();
        figures.forEach(figure -> byName.put(figure.name(), figure.value()));
        return byName;
    }
}
