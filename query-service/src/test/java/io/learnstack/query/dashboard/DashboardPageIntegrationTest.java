package io.learnstack.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.query.XapiReadIntegration;

/** The dashboard page, its scripts and the live figures, served by the query service as it runs. */
class DashboardPageIntegrationTest extends XapiReadIntegration {

    @Test
    void thePageAndItsChartLibraryArePublicAndServedFromTheService() {
        ResponseEntity<byte[]> page = exchange(HttpMethod.GET, URI.create("/"), new HttpHeaders());
        ResponseEntity<byte[]> charts = exchange(HttpMethod.GET,
                URI.create("/webjars/echarts/5.5.0/echarts.min.js"), new HttpHeaders());
        ResponseEntity<byte[]> script = exchange(HttpMethod.GET, URI.create("/assets/app.js"), new HttpHeaders());

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        String html = new String(page.getBody(), StandardCharsets.UTF_8);
        assertThat(html).contains("/webjars/echarts/5.5.0/echarts.min.js", "/assets/app.js",
                "data-testid=\"tile-learners\"").doesNotContain("https://", "http://");
        assertThat(charts.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(charts.getBody().length).isGreaterThan(100_000);
        assertThat(script.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theLiveFiguresNeedAnAnalystKeyAndNameRateLagAndTime() throws Exception {
        HttpHeaders analyst = new HttpHeaders();
        analyst.setBasicAuth("demo", "demo");

        ResponseEntity<byte[]> anonymous = exchange(HttpMethod.GET, URI.create("/api/analytics/live"), new HttpHeaders());
        ResponseEntity<byte[]> live = exchange(HttpMethod.GET, URI.create("/api/analytics/live"), analyst);

        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(live.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = new ObjectMapper().readTree(live.getBody());
        assertThat(body.get("statementsPerSecond").isNumber()).isTrue();
        assertThat(body.get("projectionLag").asLong()).isZero();
        assertThat(body.get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }
}
