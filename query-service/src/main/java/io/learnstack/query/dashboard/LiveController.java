package io.learnstack.query.dashboard;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's live panel: how fast records arrive, and how far the projections are behind them. */
@RestController
class LiveController {

    private final LiveFigures figures;

    LiveController(LiveFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/api/analytics/live")
    LiveFigures.Live live() {
        return figures.current();
    }

    @ExceptionHandler(LiveFiguresUnavailable.class)
    ResponseEntity<Map<String, String>> unavailable(LiveFiguresUnavailable e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("error", "unavailable", "message", e.getMessage()));
    }
}
