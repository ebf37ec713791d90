package io.learnstack.gateway.xapi;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns xAPI alternate requests ({@link AlternateRequest}) into the ordinary requests they stand for
 * before routing, so a {@code POST ?method=GET} is routed to the query service like any GET and every
 * xAPI resource understands the syntax without knowing of it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AlternateRequestFilter implements WebFilter {

    /** The form carries a whole statement batch at most; larger bodies are refused before they are held. */
    private static final int MAX_FORM_BYTES = 16 * 1024 * 1024;

    private final XapiVersions versions;

    AlternateRequestFilter(XapiVersions versions) {
        this.versions = versions;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!request.getPath().value().startsWith("/xapi/")
                || !request.getQueryParams().containsKey(AlternateRequest.METHOD_PARAMETER)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), MAX_FORM_BYTES)
                .map(AlternateRequestFilter::bytesOf)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    AlternateRequest translated;
                    try {
                        translated = AlternateRequest.translate(request.getMethod(), request.getQueryParams(),
                                request.getHeaders(), body);
                    } catch (AlternateRequest.Refusal refusal) {
                        return refuse(exchange, HttpStatus.BAD_REQUEST, refusal.getMessage(), refusal.version());
                    }
                    if (HttpMethod.HEAD.equals(translated.method())) {
                        // The client sent a POST, so it reads the body the length names: a HEAD answer has none.
                        exchange.getResponse().beforeCommit(() -> {
                            exchange.getResponse().getHeaders().setContentLength(0);
                            return Mono.empty();
                        });
                    }
                    return chain.filter(exchange.mutate().request(translatedRequest(request, translated)).build());
                })
                .onErrorResume(DataBufferLimitException.class, tooLarge -> refuse(exchange,
                        HttpStatus.PAYLOAD_TOO_LARGE, "the form body of an alternate request is too large",
                        request.getHeaders().getFirst(XapiVersions.HEADER)));
    }

    private static byte[] bytesOf(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static ServerHttpRequest translatedRequest(ServerHttpRequest original, AlternateRequest translated) {
        URI uri = UriComponentsBuilder.fromUri(original.getURI())
                .replaceQuery(translated.query().isEmpty() ? null : translated.query())
                .build(true).toUri();
        ServerHttpRequest mutated = original.mutate()
                .method(translated.method())
                .uri(uri)
                .headers(headers -> {
                    headers.clear();
                    headers.addAll(translated.headers());
                })
                .build();
        byte[] content = translated.content();
        return new ServerHttpRequestDecorator(mutated) {
            @Override
            public Flux<DataBuffer> getBody() {
                return content.length == 0 ? Flux.empty()
                        : Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(content)));
            }
        };
    }

    private Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String message, String version) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().set(XapiVersions.HEADER, versions.answering(version));
        String body = "{\"error\":\"" + status.getReasonPhrase() + "\",\"message\":\"" + message.replace("\"", "'")
                + "\"}";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }
}
