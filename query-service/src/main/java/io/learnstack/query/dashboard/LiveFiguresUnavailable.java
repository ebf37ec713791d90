package io.learnstack.query.dashboard;

/** Kafka could not be read since the service started, so there are no live figures to give. */
class LiveFiguresUnavailable extends RuntimeException {

    LiveFiguresUnavailable(String message) {
        super(message);
    }
}
