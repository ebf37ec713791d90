package io.learnstack.command.catalogue;

import java.io.IOException;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.learnstack.events.CredentialDefinition.IssuancePolicy;
import io.learnstack.events.Requirement;

/**
 * Reads a credential definition as clients send it. Each field and each requirement node is read by
 * hand rather than bound by Jackson, so that a mistake is answered with the path of the node at fault
 * and what it should be.
 */
final class CredentialJson {

    private static final ObjectReader STRICT = new ObjectMapper().readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> FIELDS = Set.of("id", "name", "description", "image", "kind", "requirement",
            "validity", "issuance");
    /** What a read answers with besides the definition; a client may send a read back as it got it. */
    private static final Set<String> READ_ONLY = Set.of("revision", "retired", "defined", "revised", "retiredAt",
            "revisions");
    private static final String TYPES = "allOf, anyOf, atLeast, activityCompleted, assessmentPassed, "
            + "credentialHeld, within";

    private CredentialJson() {
    }

    /**
     * @param body   the request body
     * @param pathId the id the URL names, or {@code null} when the body names it (a definition)
     * @throws CatalogueRefusedException when the body is not a definition
     */
    static CredentialDraft draft(byte[] body, String pathId) {
        JsonNode definition = parse(body);
        for (Iterator<String> names = definition.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name) && !READ_ONLY.contains(name)) {
                throw CatalogueRefusedException.invalid("unknown field '" + name + "'; a credential definition has "
                        + "id, name, description, image, kind, requirement, validity and issuance");
            }
        }
        String id = text(definition, "id", "id");
        if (pathId != null) {
            if (id != null && !id.equals(pathId)) {
                throw CatalogueRefusedException.invalid("the body's id '" + id + "' is not the id in the URL, '"
                        + pathId + "'; a credential's id cannot change");
            }
            id = pathId;
        } else if (id == null) {
            throw CatalogueRefusedException.invalid("id is required");
        }
        if (!definition.hasNonNull("requirement")) {
            throw CatalogueRefusedException.invalid("requirement is required");
        }
        return new CredentialDraft(id, text(definition, "name", "name"), text(definition, "description", "description"),
                text(definition, "image", "image"), text(definition, "kind", "kind"),
                requirement(definition.get("requirement"), "requirement"),
                period(definition, "validity", "validity", "P3Y"), issuance(text(definition, "issuance", "issuance")));
    }

    private static JsonNode parse(byte[] body) {
        JsonNode node;
        try {
            node = body == null || body.length == 0 ? null : STRICT.readValue(body);
        } catch (JsonProcessingException malformed) {
            throw CatalogueRefusedException.invalid("the body is not valid JSON: " + firstLine(malformed.getOriginalMessage()));
        } catch (IOException unreadable) {
            throw CatalogueRefusedException.invalid("the body could not be read");
        }
        if (node == null || !node.isObject()) {
            throw CatalogueRefusedException.invalid("the body must be a credential definition, a JSON object");
        }
        return node;
    }

    private static Requirement requirement(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw CatalogueRefusedException.invalid(path + " must be a requirement, a JSON object with a type");
        }
        String type = text(node, "type", path + ".type");
        if (type == null) {
            throw CatalogueRefusedException.invalid(path + ".type is required: one of " + TYPES);
        }
        return switch (type) {
            case "allOf" -> {
                only(node, path, "of");
                yield new Requirement.AllOf(children(node, path));
            }
            case "anyOf" -> {
                only(node, path, "of");
                yield new Requirement.AnyOf(children(node, path));
            }
            case "atLeast" -> {
                only(node, path, "count", "of");
                JsonNode count = node.get("count");
                if (count == null || !count.isIntegralNumber() || !count.canConvertToInt()) {
                    throw CatalogueRefusedException.invalid(path + ".count must be a whole number, how many of 'of' "
                            + "must be met");
                }
                yield new Requirement.AtLeast(count.intValue(), children(node, path));
            }
            case "activityCompleted" -> {
                only(node, path, "activityId");
                yield new Requirement.ActivityCompleted(text(node, "activityId", path + ".activityId"));
            }
            case "assessmentPassed" -> {
                only(node, path, "activityId", "minScaledScore");
                JsonNode score = node.get("minScaledScore");
                if (score != null && !score.isNull() && !score.isNumber()) {
                    throw CatalogueRefusedException.invalid(path + ".minScaledScore must be a number between -1 and 1");
                }
                yield new Requirement.AssessmentPassed(text(node, "activityId", path + ".activityId"),
                        score == null || score.isNull() ? null : score.doubleValue());
            }
            case "credentialHeld" -> {
                only(node, path, "credentialId");
                yield new Requirement.CredentialHeld(text(node, "credentialId", path + ".credentialId"));
            }
            case "within" -> {
                only(node, path, "window", "requirement");
                Period window = period(node, "window", path + ".window", "P24M");
                if (window == null) {
                    throw CatalogueRefusedException.invalid(path + ".window is required, a period such as P24M");
                }
                yield new Requirement.Within(window, requirement(node.get("requirement"), path + ".requirement"));
            }
            default -> throw CatalogueRefusedException.invalid(path + ".type '" + type + "' is not a requirement "
                    + "type; the types are " + TYPES);
        };
    }

    private static List<Requirement> children(JsonNode node, String path) {
        JsonNode of = node.get("of");
        if (of == null || !of.isArray()) {
            throw CatalogueRefusedException.invalid(path + ".of must be an array of requirements");
        }
        List<Requirement> children = new ArrayList<>(of.size());
        for (int i = 0; i < of.size(); i++) {
            children.add(requirement(of.get(i), path + ".of[" + i + "]"));
        }
        return children;
    }

    private static void only(JsonNode node, String path, String... fields) {
        Set<String> allowed = Set.of(fields);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("type") && !allowed.contains(name)) {
                throw CatalogueRefusedException.invalid(path + " (" + node.get("type").asText() + ") has no field '"
                        + name + "'; it takes " + String.join(", ", fields));
            }
        }
    }

    private static String text(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw CatalogueRefusedException.invalid(path + " must be a string");
        }
        return value.textValue();
    }

    private static Period period(JsonNode node, String field, String path, String example) {
        String text = text(node, field, path);
        if (text == null) {
            return null;
        }
        try {
            return Period.parse(text);
        } catch (DateTimeParseException malformed) {
            throw CatalogueRefusedException.invalid(path + " must be an ISO-8601 period in years, months, weeks or "
                    + "days such as " + example + ", not '" + text + "'");
        }
    }

    private static IssuancePolicy issuance(String text) {
        if (text == null) {
            return IssuancePolicy.AUTOMATIC;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "automatic" -> IssuancePolicy.AUTOMATIC;
            case "on-approval" -> IssuancePolicy.ON_APPROVAL;
            default -> throw CatalogueRefusedException.invalid("issuance must be automatic or on-approval, not '"
                    + text + "'");
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
