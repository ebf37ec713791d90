package io.learnstack.query.analytics;

/** An analytics request that cannot be answered as asked: a bad parameter. */
class AnalyticsQueryException extends RuntimeException {

    AnalyticsQueryException(String message) {
        super(message);
    }
}
