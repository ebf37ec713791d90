package io.learnstack.command.xapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a statement against the xAPI data model (xAPI 1.0.3, or 2.0.0 / IEEE 9274.1.1) before the
 * LRS accepts it.
 * <p>
 * Validation is structural, as the specification asks of an LRS: required and allowed properties at
 * every level, value types, and the formats of IRIs, UUIDs, language tags, timestamps and durations.
 * Only properties the specification defines are accepted (extension maps are free-form below their IRI
 * keys), and {@code null} is refused everywhere except inside extensions. The first problem found is
 * reported as an {@link InvalidStatementException} whose message starts with the JSON path of the
 * offending value.
 * <p>
 * Deliberate leniencies, each allowed by the specification:
 * <ul>
 *   <li>a single Activity as a {@code contextActivities} value is accepted under 2.0.0 as well as 1.0.3
 *       (the 2.0 conformance suite sends such statements and expects them stored as arrays);</li>
 *   <li>interaction component lists are not matched against the interactionType ("MAY validate");</li>
 *   <li>a future timestamp is accepted (clock skew).</li>
 * </ul>
 * Instances hold no state and may be shared.
 */
public final class StatementValidator {

    private static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

    private static final Pattern VERSION_1_0 = Pattern.compile("1\\.0(\\.\\d+)?");
    private static final Pattern VERSION_2_0 = Pattern.compile("2\\.0(\\.\\d+)?");

    private static final List<String> IFIS = List.of("mbox", "mbox_sha1sum", "openid", "account");
    private static final String IFI_LIST = String.join(", ", IFIS);

    private static final Set<String> STATEMENT = Set.of("id", "actor", "verb", "object", "result", "context",
            "timestamp", "stored", "authority", "version", "attachments");
    private static final Set<String> SUBSTATEMENT = Set.of("objectType", "actor", "verb", "object", "result",
            "context", "timestamp", "attachments");
    private static final List<String> NOT_IN_SUBSTATEMENT = List.of("id", "stored", "version", "authority");
    private static final Set<String> AGENT = Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account");
    private static final Set<String> GROUP = Set.of("objectType", "name", "member", "mbox", "mbox_sha1sum", "openid",
            "account");
    private static final Set<String> ACCOUNT = Set.of("homePage", "name");
    private static final Set<String> VERB = Set.of("id", "display");
    private static final Set<String> ACTIVITY = Set.of("objectType", "id", "definition");
    private static final Set<String> DEFINITION = Set.of("name", "description", "type", "moreInfo", "extensions",
            "interactionType", "correctResponsesPattern", "choices", "scale", "source", "target", "steps");
    private static final List<String> INTERACTION_PROPERTIES = List.of("correctResponsesPattern", "choices", "scale",
            "source", "target", "steps");
    private static final List<String> COMPONENT_LISTS = List.of("choices", "scale", "source", "target", "steps");
    private static final Set<String> COMPONENT = Set.of("id", "description");
    private static final Set<String> INTERACTION_TYPES = Set.of("true-false", "choice", "fill-in", "long-fill-in",
            "matching", "performance", "sequencing", "likert", "numeric", "other");
    private static final Set<String> STATEMENT_REF = Set.of("objectType", "id");
    private static final Set<String> RESULT = Set.of("score", "success", "completion", "response", "duration",
            "extensions");
    private static final Set<String> SCORE = Set.of("scaled", "raw", "min", "max");
    private static final Set<String> CONTEXT_1_0 = Set.of("registration", "instructor", "team", "contextActivities",
            "revision", "platform", "language", "statement", "extensions");
    private static final Set<String> CONTEXT_2_0 = union(CONTEXT_1_0, Set.of("contextAgents", "contextGroups"));
    private static final Set<String> CONTEXT_ACTIVITIES = Set.of("parent", "grouping", "category", "other");
    private static final Set<String> CONTEXT_AGENT = Set.of("objectType", "agent", "relevantTypes");
    private static final Set<String> CONTEXT_GROUP = Set.of("objectType", "group", "relevantTypes");
    private static final Set<String> ATTACHMENT = Set.of("usageType", "display", "description", "contentType",
            "length", "sha2", "fileUrl");

    private static final Map<String, String> ONLY_IN_2_0 = Map.of(
            "contextAgents", "is only allowed in xAPI 2.0.0, and this request is 1.0.3",
            "contextGroups", "is only allowed in xAPI 2.0.0, and this request is 1.0.3");
    private static final Map<String, String> GROUP_ONLY = Map.of(
            "member", "is only allowed on a Group, which must say objectType Group");

    private static final BigDecimal MINUS_ONE = BigDecimal.ONE.negate();

    /**
     * Validates one statement, naming the root of every path in messages "statement".
     *
     * @throws InvalidStatementException on the first problem found
     */
    public void validate(JsonNode statement, XapiVersion version) {
        validate(statement, version, "statement");
    }

    /**
     * Validates one statement, naming the root of every path in messages as given, so that a caller
     * validating a batch can report e.g. {@code statement[2].actor: ...}.
     *
     * @param root the path of the statement itself, e.g. "statement" or "statement[2]"
     * @throws InvalidStatementException on the first problem found
     */
    public void validate(JsonNode statement, XapiVersion version, String root) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(root, "root");
        new Run(version).statement(statement, root);
    }

    /**
     * Validates an Agent or a Group on its own, as the document resources take one in their {@code agent}
     * parameter, with the rules a statement's actor follows.
     *
     * @param path the name of the value in messages, e.g. "agent"
     * @throws InvalidStatementException on the first problem found
     */
    public void validateActor(JsonNode actor, XapiVersion version, String path) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(path, "path");
        new Run(version).actor(actor, path);
    }

    /** One validation; carries the version so that the checks below need not pass it around. */
    private static final class Run {

        private final XapiVersion version;

        Run(XapiVersion version) {
            this.version = version;
        }

        // ---- statements -------------------------------------------------------------------------

        void statement(JsonNode statement, String path) {
            if (statement == null || statement.isMissingNode()) {
                throw invalid(path, "is required");
            }
            requireObject(statement, path);
            onlyKnown(statement, path, STATEMENT, Map.of());
            if (statement.has("id")) {
                uuid(statement.get("id"), path + ".id");
            }
            actor(required(statement, "actor", path), path + ".actor");
            String verbId = verb(required(statement, "verb", path), path + ".verb");
            String objectType = object(required(statement, "object", path), path + ".object", false);
            if (VOIDED.equals(verbId) && !"StatementRef".equals(objectType)) {
                throw invalid(path + ".object",
                        "a voiding statement (verb " + VOIDED + ") must have a StatementRef object");
            }
            common(statement, path, objectType);
            if (statement.has("stored")) {
                timestamp(statement.get("stored"), path + ".stored");
            }
            if (statement.has("authority")) {
                authority(statement.get("authority"), path + ".authority");
            }
            if (statement.has("version")) {
                statementVersion(statement.get("version"), path + ".version");
            }
        }

        private void subStatement(JsonNode sub, String path) {
            for (String forbidden : NOT_IN_SUBSTATEMENT) {
                if (sub.has(forbidden)) {
                    throw invalid(path + "." + forbidden, "a SubStatement must not have " + forbidden);
                }
            }
            onlyKnown(sub, path, SUBSTATEMENT, Map.of());
            actor(required(sub, "actor", path), path + ".actor");
            verb(required(sub, "verb", path), path + ".verb");
            String objectType = object(required(sub, "object", path), path + ".object", true);
            common(sub, path, objectType);
        }

        /** What statements and SubStatements share beyond actor, verb and object. */
        private void common(JsonNode statement, String path, String objectType) {
            if (statement.has("result")) {
                result(statement.get("result"), path + ".result");
            }
            if (statement.has("context")) {
                context(statement.get("context"), path + ".context", objectType);
            }
            if (statement.has("timestamp")) {
                timestamp(statement.get("timestamp"), path + ".timestamp");
            }
            if (statement.has("attachments")) {
                attachments(statement.get("attachments"), path + ".attachments");
            }
        }

        private void statementVersion(JsonNode node, String path) {
            String value = string(node, path);
            boolean accepted = VERSION_1_0.matcher(value).matches()
                    || (version == XapiVersion.V2_0_0 && VERSION_2_0.matcher(value).matches());
            if (!accepted) {
                throw invalid(path, version == XapiVersion.V2_0_0
                        ? "must be 1.0, 1.0.x, 2.0 or 2.0.x, not " + quote(value)
                        : "must be 1.0 or 1.0.x under xAPI 1.0.3, not " + quote(value));
            }
        }

        // ---- actors -----------------------------------------------------------------------------

        /** An Agent or a Group; the objectType decides, and an absent one means Agent. */
        void actor(JsonNode node, String path) {
            requireObject(node, path);
            String objectType = optionalString(node, "objectType", path);
            if (objectType == null || objectType.equals("Agent")) {
                agent(node, path);
            } else if (objectType.equals("Group")) {
                group(node, path);
            } else {
                throw invalid(path + ".objectType", "must be Agent or Group, not " + quote(objectType));
            }
        }

        private void agent(JsonNode node, String path) {
            requireObject(node, path);
            onlyKnown(node, path, AGENT, GROUP_ONLY);
            String objectType = optionalString(node, "objectType", path);
            if (objectType != null && !objectType.equals("Agent")) {
                throw invalid(path + ".objectType", "must be Agent, not " + quote(objectType));
            }
            optionalString(node, "name", path);
            if (identifiers(node, path) != 1) {
                throw invalid(path, "an Agent must have exactly one of " + IFI_LIST);
            }
        }

        private void group(JsonNode node, String path) {
            requireObject(node, path);
            onlyKnown(node, path, GROUP, Map.of());
            String objectType = optionalString(node, "objectType", path);
            if (!"Group".equals(objectType)) {
                throw invalid(path + ".objectType", "a Group must have objectType Group");
            }
            optionalString(node, "name", path);
            int identifiers = identifiers(node, path);
            if (identifiers > 1) {
                throw invalid(path, "an identified Group must have exactly one of " + IFI_LIST);
            }
            if (node.has("member")) {
                members(node.get("member"), path + ".member", identifiers == 0);
            } else if (identifiers == 0) {
                throw invalid(path, "an anonymous Group (one without " + IFI_LIST + ") must list its member Agents");
            }
        }

        private void members(JsonNode member, String path, boolean anonymous) {
            requireArray(member, path);
            if (anonymous && member.isEmpty()) {
                throw invalid(path, "an anonymous Group must have at least one member");
            }
            for (int i = 0; i < member.size(); i++) {
                String itemPath = path + "[" + i + "]";
                JsonNode agent = member.get(i);
                requireObject(agent, itemPath);
                if ("Group".equals(agent.path("objectType").asText(null))) {
                    throw invalid(itemPath, "a Group's members must be Agents, not Groups");
                }
                agent(agent, itemPath);
            }
        }

        /** Checks each inverse functional identifier present and returns how many there are. */
        private int identifiers(JsonNode node, String path) {
            int count = 0;
            if (node.has("mbox")) {
                count++;
                String mbox = string(node.get("mbox"), path + ".mbox");
                if (!XapiFormats.isMailtoIri(mbox)) {
                    throw invalid(path + ".mbox", "must be a mailto IRI such as mailto:learner@example.com, not "
                            + quote(mbox));
                }
            }
            if (node.has("mbox_sha1sum")) {
                count++;
                String sha1 = string(node.get("mbox_sha1sum"), path + ".mbox_sha1sum");
                if (!XapiFormats.isSha1Hex(sha1)) {
                    throw invalid(path + ".mbox_sha1sum", "must be 40 hexadecimal characters (a SHA-1 digest)");
                }
            }
            if (node.has("openid")) {
                count++;
                absoluteIri(node.get("openid"), path + ".openid", "URI");
            }
            if (node.has("account")) {
                count++;
                account(node.get("account"), path + ".account");
            }
            return count;
        }

        private void account(JsonNode node, String path) {
            requireObject(node, path);
            onlyKnown(node, path, ACCOUNT, Map.of());
            absoluteIri(required(node, "homePage", path), path + ".homePage", "IRL");
            string(required(node, "name", path), path + ".name");
        }

        /** Either the Agent the LRS stands behind, or the anonymous two-Agent Group of 3-legged OAuth. */
        private void authority(JsonNode node, String path) {
            actor(node, path);
            if ("Group".equals(node.path("objectType").asText(null))) {
                boolean identified = IFIS.stream().anyMatch(node::has);
                if (identified || node.path("member").size() != 2) {
                    throw invalid(path, "a Group authority must be an anonymous Group of exactly two Agents (OAuth)");
                }
            }
        }

        // ---- verb and object --------------------------------------------------------------------

        /** @return the verb's id */
        private String verb(JsonNode node, String path) {
            requireObject(node, path);
            onlyKnown(node, path, VERB, Map.of());
            String id = absoluteIri(required(node, "id", path), path + ".id", "IRI");
            if (node.has("display")) {
                languageMap(node.get("display"), path + ".display");
            }
            return id;
        }

        /** @return the object's effective objectType */
        private String object(JsonNode node, String path, boolean insideSubStatement) {
            requireObject(node, path);
            String objectType = optionalString(node, "objectType", path);
            if (objectType == null) {
                if (node.has("member") || IFIS.stream().anyMatch(node::has)) {
                    throw invalid(path + ".objectType", "is required when the object is an Agent or a Group");
                }
                objectType = "Activity";
            }
            switch (objectType) {
                case "Activity" -> activity(node, path);
                case "Agent" -> agent(node, path);
                case "Group" -> group(node, path);
                case "StatementRef" -> statementRef(node, path);
                case "SubStatement" -> {
                    if (insideSubStatement) {
                        throw invalid(path, "a SubStatement must not contain another SubStatement");
                    }
                    subStatement(node, path);
                }
                default -> throw invalid(path + ".objectType",
                        "must be one of Activity, Agent, Group, StatementRef, SubStatement, not " + quote(objectType));
            }
            return objectType;
        }

        private void statementRef(JsonNode node, String path) {
            requireObject(node, path);
            onlyKnown(node, path, STATEMENT_REF, Map.of());
            String objectType = string(required(node, "objectType", path), path + ".objectType");
            if (!objectType.equals("StatementRef")) {
                throw invalid(path + ".objectType", "must be StatementRef, not " + quote(objectType));
            }
            uuid(required(node, "id", path), path + ".id");
        }

        private void activity(JsonNode node, String path) {
            requireObject(node, path);
            onlyKnown(node, path, ACTIVITY, Map.of());
            String objectType = optionalString(node, "objectType", path);
            if (objectType != null && !objectType.equals("Activity")) {
                throw invalid(path + ".objectType", "must be Activity, not " + quote(objectType));
            }
            absoluteIri(required(node, "id", path), path + ".id", "IRI");
            if (node.has("definition")) {
                definition(node.get("definition"), path + ".definition");
            }
        }

        private void definition(JsonNode node, String path) {
            requireObject(node, path);
            onlyKnown(node, path, DEFINITION, Map.of());
            if (node.has("name")) {
                languageMap(node.get("name"), path + ".name");
            }
            if (node.has("description")) {
                languageMap(node.get("description"), path + ".description");
            }
            if (node.has("type")) {
                absoluteIri(node.get("type"), path + ".type", "IRI");
            }
            if (node.has("moreInfo")) {
                absoluteIri(node.get("moreInfo"), path + ".moreInfo", "IRL");
            }
            if (node.has("extensions")) {
                extensions(node.get("extensions"), path + ".extensions");
            }
            if (node.has("interactionType")) {
                String type = string(node.get("interactionType"), path + ".interactionType");
                if (!INTERACTION_TYPES.contains(type)) {
                    throw invalid(path + ".interactionType", "must be one of true-false, choice, fill-in, "
                            + "long-fill-in, matching, performance, sequencing, likert, numeric, other, not "
                            + quote(type));
                }
            } else {
                for (String property : INTERACTION_PROPERTIES) {
                    if (node.has(property)) {
                        throw invalid(path + ".interactionType",
                                "is required when the definition has " + property);
                    }
                }
            }
            if (node.has("correctResponsesPattern")) {
                String patternPath = path + ".correctResponsesPattern";
                JsonNode patterns = node.get("correctResponsesPattern");
                requireArray(patterns, patternPath);
                for (int i = 0; i < patterns.size(); i++) {
                    string(patterns.get(i), patternPath + "[" + i + "]");
                }
            }
            for (String list : COMPONENT_LISTS) {
                if (node.has(list)) {
                    interactionComponents(node.get(list), path + "." + list);
                }
            }
        }

        private void interactionComponents(JsonNode list, String path) {
            requireArray(list, path);
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String itemPath = path + "[" + i + "]";
                JsonNode component = list.get(i);
                requireObject(component, itemPath);
                onlyKnown(component, itemPath, COMPONENT, Map.of());
                String id = string(required(component, "id", itemPath), itemPath + ".id");
                if (!ids.add(id)) {
                    throw invalid(itemPath + ".id", "interaction component ids must be distinct; "
                            + quote(id) + " appears more than once");
                }
                if (component.has("description")) {
                    languageMap(component.get("description"), itemPath + ".description");
                }
            }
        }

        // ---- result -----------------------------------------------------------------------------

        private void result(JsonNode node, String path) {
            requireObject(node, path);
            onlyKnown(node, path, RESULT, Map.of());
            if (node.has("score")) {
                score(node.get("score"), path + ".score");
            }
            if (node.has("success")) {
                bool(node.get("success"), path + ".success");
            }
            if (node.has("completion")) {
                bool(node.get("completion"), path + ".completion");
            }
            if (node.has("response")) {
                string(node.get("response"), path + ".response");
            }
            if (node.has("duration")) {
                String duration = string(node.get("duration"), path + ".duration");
                if (!XapiFormats.isDuration(duration)) {
                    throw invalid(path + ".duration",
                            "must be an ISO 8601 duration such as PT1H30M or P4W, not " + quote(duration));
                }
            }
            if (node.has("extensions")) {
                extensions(node.get("extensions"), path + ".extensions");
            }
        }

        private void score(JsonNode node, String path) {
            requireObject(node, path);
            onlyKnown(node, path, SCORE, Map.of());
            BigDecimal scaled = optionalNumber(node, "scaled", path);
            BigDecimal raw = optionalNumber(node, "raw", path);
            BigDecimal min = optionalNumber(node, "min", path);
            BigDecimal max = optionalNumber(node, "max", path);
            if (scaled != null && (scaled.compareTo(MINUS_ONE) < 0 || scaled.compareTo(BigDecimal.ONE) > 0)) {
                throw invalid(path + ".scaled", "must be between -1 and 1, not " + scaled.toPlainString());
            }
            if (min != null && max != null && min.compareTo(max) > 0) {
                throw invalid(path + ".min", "must not be greater than max");
            }
            if (raw != null && min != null && raw.compareTo(min) < 0) {
                throw invalid(path + ".raw", "must not be less than min");
            }
            if (raw != null && max != null && raw.compareTo(max) > 0) {
                throw invalid(path + ".raw", "must not be greater than max");
            }
        }

        // ---- context ----------------------------------------------------------------------------

        private void context(JsonNode node, String path, String objectType) {
            requireObject(node, path);
            boolean v2 = version == XapiVersion.V2_0_0;
            onlyKnown(node, path, v2 ? CONTEXT_2_0 : CONTEXT_1_0, v2 ? Map.of() : ONLY_IN_2_0);
            if (node.has("registration")) {
                uuid(node.get("registration"), path + ".registration");
            }
            if (node.has("instructor")) {
                actor(node.get("instructor"), path + ".instructor");
            }
            if (node.has("team")) {
                JsonNode team = node.get("team");
                requireObject(team, path + ".team");
                if (!"Group".equals(team.path("objectType").asText(null))) {
                    throw invalid(path + ".team", "must be a Group (objectType Group)");
                }
                group(team, path + ".team");
            }
            if (node.has("contextActivities")) {
                contextActivities(node.get("contextActivities"), path + ".contextActivities");
            }
            for (String activityOnly : List.of("revision", "platform")) {
                if (node.has(activityOnly)) {
                    string(node.get(activityOnly), path + "." + activityOnly);
                    if (!"Activity".equals(objectType)) {
                        throw invalid(path + "." + activityOnly,
                                "is only allowed when the object is an Activity, and here it is of type " + objectType);
                    }
                }
            }
            if (node.has("language")) {
                String language = string(node.get("language"), path + ".language");
                if (!XapiFormats.isLanguageTag(language)) {
                    throw invalid(path + ".language", "must be an RFC 5646 language tag, not " + quote(language));
                }
            }
            if (node.has("statement")) {
                statementRef(node.get("statement"), path + ".statement");
            }
            if (node.has("extensions")) {
                extensions(node.get("extensions"), path + ".extensions");
            }
            if (node.has("contextAgents")) {
                contextAgents(node.get("contextAgents"), path + ".contextAgents");
            }
            if (node.has("contextGroups")) {
                contextGroups(node.get("contextGroups"), path + ".contextGroups");
            }
        }

        private void contextActivities(JsonNode node, String path) {
            requireObject(node, path);
            onlyKnown(node, path, CONTEXT_ACTIVITIES, Map.of());
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String valuePath = path + "." + entry.getKey();
                JsonNode value = entry.getValue();
                if (value.isArray()) {
                    for (int i = 0; i < value.size(); i++) {
                        activity(value.get(i), valuePath + "[" + i + "]");
                    }
                } else if (value.isObject()) {
                    activity(value, valuePath);
                } else {
                    throw invalid(valuePath, "must be an Activity or an array of Activities");
                }
            }
        }

        private void contextAgents(JsonNode node, String path) {
            requireArray(node, path);
            for (int i = 0; i < node.size(); i++) {
                String itemPath = path + "[" + i + "]";
                JsonNode contextAgent = node.get(i);
                requireObject(contextAgent, itemPath);
                onlyKnown(contextAgent, itemPath, CONTEXT_AGENT, Map.of());
                fixedObjectType(contextAgent, itemPath, "contextAgent");
                JsonNode agent = required(contextAgent, "agent", itemPath);
                requireObject(agent, itemPath + ".agent");
                agent(agent, itemPath + ".agent");
                relevantTypes(contextAgent, itemPath);
            }
        }

        private void contextGroups(JsonNode node, String path) {
            requireArray(node, path);
            for (int i = 0; i < node.size(); i++) {
                String itemPath = path + "[" + i + "]";
                JsonNode contextGroup = node.get(i);
                requireObject(contextGroup, itemPath);
                onlyKnown(contextGroup, itemPath, CONTEXT_GROUP, Map.of());
                fixedObjectType(contextGroup, itemPath, "contextGroup");
                group(required(contextGroup, "group", itemPath), itemPath + ".group");
                relevantTypes(contextGroup, itemPath);
            }
        }

        private void fixedObjectType(JsonNode node, String path, String expected) {
            String objectType = string(required(node, "objectType", path), path + ".objectType");
            if (!objectType.equals(expected)) {
                throw invalid(path + ".objectType", "must be " + expected + ", not " + quote(objectType));
            }
        }

        /** Optional, but when given a non-empty list of IRIs. */
        private void relevantTypes(JsonNode node, String path) {
            if (!node.has("relevantTypes")) {
                return;
            }
            String typesPath = path + ".relevantTypes";
            JsonNode types = node.get("relevantTypes");
            requireArray(types, typesPath);
            if (types.isEmpty()) {
                throw invalid(typesPath, "must hold at least one IRI");
            }
            for (int i = 0; i < types.size(); i++) {
                absoluteIri(types.get(i), typesPath + "[" + i + "]", "IRI");
            }
        }

        // ---- attachments ------------------------------------------------------------------------

        private void attachments(JsonNode node, String path) {
            requireArray(node, path);
            for (int i = 0; i < node.size(); i++) {
                String itemPath = path + "[" + i + "]";
                JsonNode attachment = node.get(i);
                requireObject(attachment, itemPath);
                onlyKnown(attachment, itemPath, ATTACHMENT, Map.of());
                absoluteIri(required(attachment, "usageType", itemPath), itemPath + ".usageType", "IRI");
                languageMap(required(attachment, "display", itemPath), itemPath + ".display");
                if (attachment.has("description")) {
                    languageMap(attachment.get("description"), itemPath + ".description");
                }
                String contentType = string(required(attachment, "contentType", itemPath), itemPath + ".contentType");
                if (!XapiFormats.isMediaType(contentType)) {
                    throw invalid(itemPath + ".contentType",
                            "must be an Internet media type such as text/plain, not " + quote(contentType));
                }
                JsonNode length = required(attachment, "length", itemPath);
                if (!length.isIntegralNumber()) {
                    throw invalid(itemPath + ".length", "must be an integer");
                }
                if (length.bigIntegerValue().signum() < 0) {
                    throw invalid(itemPath + ".length", "must not be negative");
                }
                String sha2 = string(required(attachment, "sha2", itemPath), itemPath + ".sha2");
                if (!XapiFormats.isSha2Hex(sha2)) {
                    throw invalid(itemPath + ".sha2", "must be the hexadecimal SHA-2 digest of the attachment");
                }
                if (attachment.has("fileUrl")) {
                    absoluteIri(attachment.get("fileUrl"), itemPath + ".fileUrl", "IRL");
                }
            }
        }

        // ---- shared value types -----------------------------------------------------------------

        private void extensions(JsonNode node, String path) {
            requireObject(node, path);
            for (Iterator<String> keys = node.fieldNames(); keys.hasNext();) {
                String key = keys.next();
                if (!XapiFormats.isAbsoluteIri(key)) {
                    throw invalid(path, "extension key " + quote(key) + " is not an absolute IRI");
                }
            }
        }

        private void languageMap(JsonNode node, String path) {
            requireObject(node, path);
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                if (!XapiFormats.isLanguageTag(entry.getKey())) {
                    throw invalid(path, "language map key " + quote(entry.getKey())
                            + " is not an RFC 5646 language tag");
                }
                string(entry.getValue(), path + "." + entry.getKey());
            }
        }

        private void timestamp(JsonNode node, String path) {
            String value = string(node, path);
            Optional<String> problem = XapiFormats.timestampProblem(value);
            if (problem.isPresent()) {
                throw invalid(path, problem.get());
            }
        }

        private void uuid(JsonNode node, String path) {
            String value = string(node, path);
            if (!XapiFormats.isUuid(value)) {
                throw invalid(path, "must be a UUID in its hyphenated form, not " + quote(value));
            }
        }

        /** @param kind "IRI", "IRL" or "URI", for the message only */
        private String absoluteIri(JsonNode node, String path, String kind) {
            String value = string(node, path);
            if (!XapiFormats.isAbsoluteIri(value)) {
                throw invalid(path, "must be an absolute " + kind + " (with a scheme), not " + quote(value));
            }
            return value;
        }

        private String optionalString(JsonNode parent, String name, String path) {
            return parent.has(name) ? string(parent.get(name), path + "." + name) : null;
        }

        private BigDecimal optionalNumber(JsonNode parent, String name, String path) {
            if (!parent.has(name)) {
                return null;
            }
            JsonNode node = parent.get(name);
            notNull(node, path + "." + name);
            if (!node.isNumber()) {
                throw invalid(path + "." + name, "must be a number");
            }
            return node.decimalValue();
        }

        private static String string(JsonNode node, String path) {
            notNull(node, path);
            if (!node.isTextual()) {
                throw invalid(path, "must be a string");
            }
            return node.textValue();
        }

        private static void bool(JsonNode node, String path) {
            notNull(node, path);
            if (!node.isBoolean()) {
                throw invalid(path, "must be true or false");
            }
        }

        private static JsonNode required(JsonNode parent, String name, String path) {
            JsonNode value = parent.get(name);
            if (value == null) {
                throw invalid(path + "." + name, "is required");
            }
            return value;
        }

        private static void requireObject(JsonNode node, String path) {
            notNull(node, path);
            if (!node.isObject()) {
                throw invalid(path, "must be a JSON object");
            }
        }

        private static void requireArray(JsonNode node, String path) {
            notNull(node, path);
            if (!node.isArray()) {
                throw invalid(path, "must be an array");
            }
        }

        private static void notNull(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                throw invalid(path, "must not be null");
            }
        }

        /**
         * Refuses properties the specification does not define here, and null values of those it does;
         * the xAPI keys are case-sensitive, so "Actor" is as unknown as "foo".
         */
        private static void onlyKnown(JsonNode node, String path, Set<String> allowed, Map<String, String> reasons) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = field.getKey();
                if (!allowed.contains(name)) {
                    throw invalid(path + "." + name, reasons.getOrDefault(name, "is not an allowed property here"));
                }
                notNull(field.getValue(), path + "." + name);
            }
        }
    }

    private static InvalidStatementException invalid(String path, String reason) {
        return new InvalidStatementException(path + ": " + reason);
    }

    private static String quote(String value) {
        return "'" + (value.length() > 200 ? value.substring(0, 200) + "…" : value) + "'";
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
