package io.learnstack.query.web;

import io.learnstack.query.consistency.ReadBarrier;

/** The service's error handler, for controllers tested on their own. */
public final class ErrorAdvice {

    private ErrorAdvice() {
    }

    public static Object queryErrorHandler(ReadBarrier barrier) {
        return new QueryErrorHandler(barrier);
    }
}
