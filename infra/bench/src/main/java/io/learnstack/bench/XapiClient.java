package io.learnstack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;

/** The public xAPI of a running system, as a client sees it through the entry point. */
final class XapiClient {

    private final HttpClient http;
    private final String baseUrl;
    private final String statements;
    private final String authorization;
    private final String version;

    XapiClient(String baseUrl, String key, String secret, String version) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.statements = this.baseUrl + "/xapi/statements";
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
        this.version = version;
    }

    /** POSTs a statement or an array of statements; returns the response. */
    HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(request(statements).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs the statements with these parameters. */
    HttpResponse<String> get(Map<String, String> parameters) throws IOException, InterruptedException {
        return http.send(request(statements + query(parameters)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs a path of the analyst API, {@code /api/...} with its query, with the same credentials. */
    HttpResponse<String> getApi(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(request(baseUrl + pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String query(Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&", "?", "");
        parameters.forEach((name, value) -> query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return parameters.isEmpty() ? "" : query.toString();
    }

    private HttpRequest.Builder request(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(120))
                .header("Authorization", authorization)
                .header("X-Experience-API-Version", version);
    }
}
