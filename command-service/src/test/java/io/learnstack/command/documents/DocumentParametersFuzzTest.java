package io.learnstack.command.documents;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.learnstack.command.fuzz.HostileJson;
import io.learnstack.command.xapi.InvalidStatementException;
import io.learnstack.command.xapi.XapiVersion;
import io.learnstack.events.DocumentKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any query string of a document write is parsed or refused with an {@link InvalidStatementException} (400). */
class DocumentParametersFuzzTest {

    private static final List<String> NAMES = List.of("activityId", "agent", "registration", "stateId", "profileId",
            "since", "bogus");

    @Property(tries = 1500)
    void aQueryStringIsParsedOrRefusedAsInvalid(@ForAll DocumentKind kind, @ForAll("methods") String method,
            @ForAll("queryStrings") String queryString, @ForAll XapiVersion version) {
        try {
            DocumentParameters.parse(kind, method, queryString, "demo", version);
        } catch (InvalidStatementException refused) {
            // the documented answer: 400
        }
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("PUT", "POST", "DELETE");
    }

    @Provide
    Arbitrary<String> queryStrings() {
        Arbitrary<String> values = Arbitraries.oneOf(HostileJson.texts(),
                HostileJson.jsonTexts(HostileJson.mutationsOf("{\"mbox\":\"mailto:ada@example.org\"}",
                        "{\"objectType\":\"Group\",\"account\":{\"homePage\":\"http://x\",\"name\":\"g\"}}")));
        Arbitrary<String> encoded = Arbitraries.maps(Arbitraries.of(NAMES), values).ofMaxSize(5)
                .map(parameters -> join(parameters, true));
        Arbitrary<String> raw = Arbitraries.maps(Arbitraries.of(NAMES), values).ofMaxSize(5)
                .map(parameters -> join(parameters, false));
        return Arbitraries.oneOf(encoded, raw, HostileJson.texts(), Arbitraries.just((String) null),
                Arbitraries.of("activityId=http%3A%2F%2Fx&activityId=http%3A%2F%2Fy", "&&&", "=", "agent",
                        "activityId=%E0%A4%A", "activityId=%"));
    }

    private static String join(Map<String, String> parameters, boolean encode) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                .append(encode ? URLEncoder.encode(value, StandardCharsets.UTF_8) : value));
        return query.toString();
    }
}
