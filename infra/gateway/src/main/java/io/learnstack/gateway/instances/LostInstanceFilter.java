package io.learnstack.gateway.instances;

import java.io.IOException;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * A service instance that could not be reached, or went away before it answered (stopped or killed
 * mid-request), is a 502 Bad Gateway, not the 500 that says the gateway itself failed. Whether such a write
 * was stored is unknown, so clients send it again with the same ids, which the command service takes as
 * the same write.
 */
@Component
class LostInstanceFilter implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorMap(LostInstanceFilter::lostInstance,
                failure -> new ResponseStatusException(HttpStatus.BAD_GATEWAY,
                        "the service instance did not answer; send the request again", failure));
    }

    static boolean lostInstance(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
