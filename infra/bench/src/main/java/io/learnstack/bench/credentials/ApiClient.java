package io.learnstack.bench.credentials;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The running system's entry point as an RTO's client sees it: xAPI, the catalogue and eligibility APIs. */
final class ApiClient {

    private final HttpClient http;
    private final String base;
    private final String authorization;

    ApiClient(String baseUrl, String key, String secret) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.base = baseUrl.replaceAll("/+$", "");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> postStatements(String body) throws IOException, InterruptedException {
        return send(request("/xapi/statements").header("X-Experience-API-Version", "1.0.3")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> putJson(String path, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return send(request(path).header("Accept", accept).GET());
    }

    /** Posts a VC-JWT to the public verifier, without credentials as anyone would. */
    HttpResponse<String> verify(String jwt) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + "/credentials/verify")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(jwt)));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", authorization);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
