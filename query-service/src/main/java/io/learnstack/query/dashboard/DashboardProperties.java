package io.learnstack.query.dashboard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dashboard's live figures.
 *
 * @param projectorGroup the projector's Kafka consumer group, whose committed offsets give the projection lag
 * @param rateWindow     how far back the ingestion rate looks
 */
@ConfigurationProperties("learnstack.dashboard")
record DashboardProperties(
        @DefaultValue("learnstack-projector") String projectorGroup,
        @DefaultValue("60s") Duration rateWindow) {
}
