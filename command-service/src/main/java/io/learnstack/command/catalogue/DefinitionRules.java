package io.learnstack.command.catalogue;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.learnstack.command.xapi.XapiFormats;
import io.learnstack.events.Requirement;

/**
 * What makes a definition well formed on its own, before the rest of the catalogue is considered: the
 * id's syntax, a name, a badge image that is a web address, and a requirement tree every node of which
 * can be met.
 */
final class DefinitionRules {

    /** Ids go into URLs and into read-model keys: no separators, no dot-only segments. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_NAME = 200;
    private static final int MAX_KIND = 100;
    private static final int MAX_DESCRIPTION = 10_000;
    /** Deeper trees are a mistake, not a curriculum, and would make every evaluation walk them. */
    private static final int MAX_DEPTH = 16;

    private DefinitionRules() {
    }

    /** @throws CatalogueRefusedException when the id is not a valid credential id */
    static void checkId(String credentialId, String what) {
        if (credentialId == null || !ID.matcher(credentialId).matches()) {
            throw CatalogueRefusedException.invalid(what + " must be 1 to 64 letters, digits, '-', '_' or '.', "
                    + "starting with a letter or digit, not " + quoted(credentialId));
        }
    }

    /** @throws CatalogueRefusedException naming the first thing wrong with the draft */
    static void check(CredentialDraft draft) {
        checkId(draft.credentialId(), "id");
        if (draft.name() == null || draft.name().isBlank()) {
            throw CatalogueRefusedException.invalid("name must not be empty");
        }
        checkLength(draft.name(), MAX_NAME, "name");
        checkLength(draft.kind(), MAX_KIND, "kind");
        checkLength(draft.description(), MAX_DESCRIPTION, "description");
        if (draft.image() != null && !isWebAddress(draft.image())) {
            throw CatalogueRefusedException.invalid("image must be an absolute http or https URL, not "
                    + quoted(draft.image()));
        }
        if (draft.validity() != null && !isPositive(draft.validity())) {
            throw CatalogueRefusedException.invalid("validity must be a positive period such as P3Y, not "
                    + draft.validity());
        }
        if (draft.issuance() == null) {
            throw CatalogueRefusedException.invalid("issuance must be automatic or on-approval");
        }
        if (draft.requirement() == null) {
            throw CatalogueRefusedException.invalid("requirement is required");
        }
        checkRequirement(draft.requirement(), "requirement", 1);
    }

    private static void checkRequirement(Requirement requirement, String path, int depth) {
        if (requirement == null) {
            throw CatalogueRefusedException.invalid(path + " must be a requirement, not null");
        }
        if (depth > MAX_DEPTH) {
            throw CatalogueRefusedException.invalid(path + " nests requirements more than " + MAX_DEPTH + " deep");
        }
        if (requirement instanceof Requirement.AllOf allOf) {
            checkChildren(allOf.of(), path, "allOf", depth);
        } else if (requirement instanceof Requirement.AnyOf anyOf) {
            checkChildren(anyOf.of(), path, "anyOf", depth);
        } else if (requirement instanceof Requirement.AtLeast atLeast) {
            checkChildren(atLeast.of(), path, "atLeast", depth);
            int size = atLeast.of().size();
            if (atLeast.count() < 1 || atLeast.count() > size) {
                throw CatalogueRefusedException.invalid(path + ".count must be between 1 and " + size
                        + " (the number of requirements in its 'of'), not " + atLeast.count());
            }
        } else if (requirement instanceof Requirement.ActivityCompleted completed) {
            checkActivity(completed.activityId(), path);
        } else if (requirement instanceof Requirement.AssessmentPassed passed) {
            checkActivity(passed.activityId(), path);
            Double score = passed.minScaledScore();
            if (score != null && !(score >= -1.0 && score <= 1.0)) {
                throw CatalogueRefusedException.invalid(path + ".minScaledScore must be between -1 and 1, "
                        + "like result.score.scaled, not " + score);
            }
        } else if (requirement instanceof Requirement.CredentialHeld held) {
            checkId(held.credentialId(), path + ".credentialId");
        } else if (requirement instanceof Requirement.Within within) {
            if (within.window() == null || !isPositive(within.window())) {
                throw CatalogueRefusedException.invalid(path + ".window must be a positive period such as P24M, "
                        + "not " + within.window());
            }
            checkRequirement(within.requirement(), path + ".requirement", depth + 1);
        }
    }

    private static void checkChildren(List<Requirement> of, String path, String type, int depth) {
        if (of == null || of.isEmpty()) {
            throw CatalogueRefusedException.invalid(path + " (" + type + ") needs at least one requirement in 'of'");
        }
        for (int i = 0; i < of.size(); i++) {
            checkRequirement(of.get(i), path + ".of[" + i + "]", depth + 1);
        }
    }

    private static void checkActivity(String activityId, String path) {
        if (activityId == null || !XapiFormats.isAbsoluteIri(activityId)) {
            throw CatalogueRefusedException.invalid(path + ".activityId must be an activity's absolute IRI, not "
                    + quoted(activityId));
        }
    }

    private static void checkLength(String value, int max, String what) {
        if (value != null && value.length() > max) {
            throw CatalogueRefusedException.invalid(what + " must not be longer than " + max + " characters");
        }
    }

    private static boolean isPositive(Period period) {
        return !period.isZero() && !period.isNegative();
    }

    private static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }

    private static String quoted(String value) {
        if (value == null) {
            return "nothing";
        }
        return "'" + (value.length() > 100 ? value.substring(0, 100) + "…" : value) + "'";
    }
}
