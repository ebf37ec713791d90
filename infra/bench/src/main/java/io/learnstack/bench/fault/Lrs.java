package io.learnstack.bench.fault;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The system's public API through its entry point, with one client's credentials. */
final class Lrs {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;

    Lrs(String baseUrl, String key, String secret) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> postStatements(String body) throws IOException, InterruptedException {
        return http.send(request("/xapi/statements").POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> statement(String id) throws IOException, InterruptedException {
        return get("/xapi/statements?statementId=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    }

    /** GETs a path (with its query) of the entry point, e.g. a statement result's {@code more} link. */
    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization)
                .header("X-Experience-API-Version", "1.0.3");
    }
}
