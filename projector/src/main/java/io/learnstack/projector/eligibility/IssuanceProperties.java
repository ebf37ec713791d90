package io.learnstack.projector.eligibility;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How issuance requests reach the command service.
 *
 * @param commandUri   the command service's base URI; requests go to {@code /internal/awards} under it
 * @param pollInterval how often due requests are looked for
 * @param retryInitial the pause after a first failed attempt; it doubles with each further one
 * @param retryMax     the longest pause between attempts
 * @param timeout      how long one attempt may take
 * @param batch        the most requests sent in one round
 * @param concurrency  how many requests of a round are sent at once
 */
@ConfigurationProperties("learnstack.issuance")
record IssuanceProperties(
        @DefaultValue("http://127.0.0.1:8081") URI commandUri,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("1s") Duration retryInitial,
        @DefaultValue("5m") Duration retryMax,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("100") int batch,
        @DefaultValue("8") int concurrency) {
}
