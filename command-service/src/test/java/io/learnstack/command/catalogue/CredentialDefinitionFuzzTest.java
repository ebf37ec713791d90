package io.learnstack.command.catalogue;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.learnstack.command.fuzz.HostileJson;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any body sent as a credential definition is taken or refused with a {@link CatalogueRefusedException}
 * (a 4xx), whatever the shape of its requirement tree.
 */
class CredentialDefinitionFuzzTest {

    private static final String FIRST_AID = """
            {"id":"first-aid","name":"Provide first aid","description":"HLTAID011","kind":"skill set",
             "image":"https://rto.example/badges/first-aid.png","validity":"P3Y","issuance":"on-approval",
             "requirement":{"type":"within","window":"P24M","requirement":{"type":"atLeast","count":2,"of":[
               {"type":"activityCompleted","activityId":"https://rto.example/units/HLTAID009"},
               {"type":"assessmentPassed","activityId":"https://rto.example/exams/cpr","minScaledScore":0.8},
               {"type":"anyOf","of":[{"type":"credentialHeld","credentialId":"cpr"}]}]}}}""";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Property(tries = 1000)
    void aDefinitionIsTakenOrRefusedAsInvalid(@ForAll("bodies") String body, @ForAll("pathIds") String pathId) {
        try {
            DefinitionRules.check(CredentialJson.draft(body.getBytes(StandardCharsets.UTF_8), pathId));
        } catch (CatalogueRefusedException refused) {
            // the documented answer: 400, 404 or 409 by its reason
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<JsonNode> generated = Combinators.combine(Arbitraries.of("first-aid", "cpr", "", "a/b", "💥"),
                requirements(6), HostileJson.leaves(), HostileJson.leaves()).as((id, requirement, validity, issuance) -> {
                    ObjectNode definition = NODES.objectNode().put("id", id).put("name", "n");
                    definition.set("requirement", requirement);
                    definition.set("validity", validity);
                    definition.set("issuance", issuance);
                    return definition;
                });
        return HostileJson.jsonTexts(Arbitraries.oneOf(generated, HostileJson.mutationsOf(FIRST_AID),
                HostileJson.trees(4)));
    }

    @Provide
    Arbitrary<String> pathIds() {
        return Arbitraries.oneOf(Arbitraries.just((String) null), Arbitraries.of("first-aid", "cpr"),
                HostileJson.texts());
    }

    /** Requirement trees of random shapes: known and unknown types, counts of any size, windows of any text. */
    private static Arbitrary<JsonNode> requirements(int depth) {
        Arbitrary<JsonNode> leaf = Combinators.combine(Arbitraries.of("activityCompleted", "assessmentPassed",
                "credentialHeld", "bogus"), HostileJson.texts(), HostileJson.leaves()).as((type, id, score) -> {
                    ObjectNode node = NODES.objectNode().put("type", type).put("activityId", id);
                    if (type.equals("assessmentPassed")) {
                        node.set("minScaledScore", score);
                    }
                    if (type.equals("credentialHeld")) {
                        node.remove("activityId");
                        node.put("credentialId", id);
                    }
                    return node;
                });
        if (depth <= 0) {
            return leaf;
        }
        Arbitrary<JsonNode> child = Arbitraries.lazy(() -> requirements(depth - 1));
        Arbitrary<JsonNode> composite = Combinators.combine(Arbitraries.of("allOf", "anyOf", "atLeast", "within"),
                child.list().ofMaxSize(4), HostileJson.leaves(), Arbitraries.of("P24M", "P0D", "P-1M", "P999999999Y",
                        "PT1H", "x")).as((type, children, count, window) -> {
                    ObjectNode node = NODES.objectNode().put("type", type);
                    switch (type) {
                        case "within" -> {
                            node.put("window", window);
                            node.set("requirement", children.isEmpty() ? NODES.nullNode() : children.get(0));
                        }
                        case "atLeast" -> {
                            node.set("count", count.isNumber() ? count : NODES.numberNode(children.size()));
                            node.set("of", NODES.arrayNode().addAll(children));
                        }
                        default -> node.set("of", NODES.arrayNode().addAll(children));
                    }
                    return node;
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, leaf), net.jqwik.api.Tuple.of(2, composite));
    }
}
