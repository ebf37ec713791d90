package io.learnstack.query.web;

import io.learnstack.query.consistency.ReadBarrier;

/** The service's error handling, for controllers tested on their own. */
public final class ErrorAdvice {

    private ErrorAdvice() {
    }

    public static jakarta.servlet.Filter acceptHeaderFilter() {
        return new AcceptHeaderFilter();
    }

    public static Object queryErrorHandler(ReadBarrier barrier) {
        return new QueryErrorHandler(barrier);
    }
}
