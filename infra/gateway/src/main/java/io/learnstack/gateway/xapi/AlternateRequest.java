package io.learnstack.gateway.xapi;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * xAPI 1.0.3's alternate request syntax (Communication 1.3), for clients that can only send POST and
 * cannot set headers: {@code POST <resource>?method=PUT} with an {@code application/x-www-form-urlencoded}
 * body whose {@code content} field is the request's content, whose header fields (Authorization,
 * X-Experience-API-Version, Content-Type, Content-Length, If-Match, If-None-Match) are headers and whose
 * other fields are the query parameters. Translated here into the ordinary request it stands for, so
 * the services only ever see ordinary requests. xAPI 2.0 removed the syntax.
 *
 * @param method  the method the request stands for
 * @param query   the query string of the translated request, encoded, or empty
 * @param headers the headers of the translated request
 * @param content the content of the translated request, possibly empty
 */
record AlternateRequest(HttpMethod method, String query, HttpHeaders headers, byte[] content) {

    /** The query parameter that marks a request as an alternate request. */
    static final String METHOD_PARAMETER = "method";

    private static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT,
            HttpMethod.POST, HttpMethod.DELETE);
    private static final Map<String, String> HEADER_FIELDS = headerFields(HttpHeaders.AUTHORIZATION,
            XapiVersions.HEADER, HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH, HttpHeaders.IF_MATCH,
            HttpHeaders.IF_NONE_MATCH);
    private static final String CONTENT_FIELD = "content";
    private static final Pattern V1_0 = Pattern.compile("1\\.0(\\.\\d+)?");

    /**
     * @param method          the method the request was sent with
     * @param queryParameters its decoded query parameters, {@code method} among them
     * @param headers         its headers
     * @param body            its body, possibly empty
     * @throws Refusal when the request does not follow the syntax, or asks for a version without it
     */
    static AlternateRequest translate(HttpMethod method, Map<String, List<String>> queryParameters,
            HttpHeaders headers, byte[] body) {
        Map<String, String> form = body.length > 0 && isForm(headers.getContentType()) ? parseForm(body) : Map.of();
        String version = headers.getFirst(XapiVersions.HEADER);
        for (Map.Entry<String, String> field : form.entrySet()) {
            if (field.getKey().equalsIgnoreCase(XapiVersions.HEADER)) {
                version = field.getValue();
            }
        }
        if (version != null && !V1_0.matcher(version.trim()).matches()) {
            throw new Refusal("the alternate request syntax is part of xAPI 1.0.x only; xAPI 2.0 removed it", version);
        }
        if (!HttpMethod.POST.equals(method)) {
            throw new Refusal("the alternate request syntax is a POST with the intended method as the 'method' "
                    + "query parameter; it was a " + method.name(), version);
        }
        List<String> methods = queryParameters.getOrDefault(METHOD_PARAMETER, List.of());
        if (queryParameters.size() != 1 || methods.size() != 1) {
            throw new Refusal("an alternate request takes 'method' as its only query parameter, once; "
                    + "the others belong in its form body", version);
        }
        HttpMethod intended = HttpMethod.valueOf(methods.get(0).toUpperCase(Locale.ROOT));
        if (!METHODS.contains(intended)) {
            throw new Refusal("the 'method' of an alternate request must be GET, HEAD, PUT, POST or DELETE", version);
        }
        if (body.length > 0 && !isForm(headers.getContentType())) {
            throw new Refusal("the body of an alternate request must be application/x-www-form-urlencoded", version);
        }
        HttpHeaders translatedHeaders = new HttpHeaders();
        translatedHeaders.addAll(headers);
        translatedHeaders.remove(HttpHeaders.CONTENT_TYPE);
        translatedHeaders.remove(HttpHeaders.CONTENT_LENGTH);
        translatedHeaders.remove(HttpHeaders.TRANSFER_ENCODING);
        StringBuilder query = new StringBuilder();
        byte[] content = new byte[0];
        for (Map.Entry<String, String> field : form.entrySet()) {
            String name = field.getKey();
            String header = HEADER_FIELDS.get(name.toLowerCase(Locale.ROOT));
            if (name.equals(CONTENT_FIELD)) {
                // The content is a UTF-8 string: binary content is not possible in this syntax.
                content = field.getValue().getBytes(StandardCharsets.UTF_8);
            } else if (header != null) {
                // The translated content's length is its own; a given one may have counted it still encoded.
                if (!header.equals(HttpHeaders.CONTENT_LENGTH)) {
                    translatedHeaders.set(header, field.getValue());
                }
            } else {
                query.append(query.isEmpty() ? "" : "&").append(encode(name)).append('=')
                        .append(encode(field.getValue()));
            }
        }
        if (content.length > 0) {
            if (translatedHeaders.getContentType() == null) {
                translatedHeaders.setContentType(MediaType.APPLICATION_JSON);
            }
            translatedHeaders.setContentLength(content.length);
        } else if (HttpMethod.PUT.equals(intended) || HttpMethod.POST.equals(intended)) {
            translatedHeaders.setContentLength(0);
        }
        return new AlternateRequest(intended, query.toString(), translatedHeaders, content);
    }

    private static boolean isForm(MediaType contentType) {
        return contentType != null && MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(contentType);
    }

    /** The form's fields in order; a field given twice is refused, since it could only be read one way. */
    private static Map<String, String> parseForm(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.length == 0) {
            return fields;
        }
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (fields.put(name, value) != null) {
                    throw new Refusal("the form field '" + name + "' is given twice", null);
                }
            } catch (IllegalArgumentException badEscape) {
                throw new Refusal("the form body is not valid application/x-www-form-urlencoded: "
                        + badEscape.getMessage(), null);
            }
        }
        return fields;
    }

    private static String encode(String text) {
        // Spaces as %20, not '+': the services read the query as a URI query, not as a form.
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, String> headerFields(String... names) {
        Map<String, String> byLowerCase = new TreeMap<>();
        for (String name : names) {
            byLowerCase.put(name.toLowerCase(Locale.ROOT), name);
        }
        return byLowerCase;
    }

    /** A request that claims the alternate syntax but does not follow it: answered 400 with the reason. */
    static final class Refusal extends RuntimeException {

        private final String version;

        Refusal(String message, String version) {
            super(message);
            this.version = version;
        }

        /** The xAPI version the request asked for, in its headers or its form, or {@code null}. */
        String version() {
            return version;
        }
    }
}
