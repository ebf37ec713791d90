package io.learnstack.projector.catalogue;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import io.learnstack.events.CredentialDefinition;
import io.learnstack.events.CredentialDefinition.IssuancePolicy;
import io.learnstack.events.Requirement;

/**
 * A credential definition as the catalogue's read model keeps it: the very JSON shape clients send to
 * define one, so the query service answers it as stored.
 */
final class CatalogueDocuments {

    private CatalogueDocuments() {
    }

    /** The definition's fields, those of a definition request, plus its revision. */
    static Document definition(CredentialDefinition definition) {
        return new Document("id", definition.credentialId())
                .append("name", definition.name())
                .append("description", definition.description())
                .append("image", definition.image())
                .append("kind", definition.kind())
                .append("requirement", requirement(definition.requirement()))
                .append("validity", definition.validity() == null ? null : definition.validity().toString())
                .append("issuance", definition.issuance() == IssuancePolicy.ON_APPROVAL ? "on-approval" : "automatic")
                .append("revision", definition.revision());
    }

    static Document requirement(Requirement requirement) {
        if (requirement instanceof Requirement.AllOf allOf) {
            return new Document("type", "allOf").append("of", requirements(allOf.of()));
        }
        if (requirement instanceof Requirement.AnyOf anyOf) {
            return new Document("type", "anyOf").append("of", requirements(anyOf.of()));
        }
        if (requirement instanceof Requirement.AtLeast atLeast) {
            return new Document("type", "atLeast").append("count", atLeast.count())
                    .append("of", requirements(atLeast.of()));
        }
        if (requirement instanceof Requirement.ActivityCompleted completed) {
            return new Document("type", "activityCompleted").append("activityId", completed.activityId());
        }
        if (requirement instanceof Requirement.AssessmentPassed passed) {
            Document node = new Document("type", "assessmentPassed").append("activityId", passed.activityId());
            if (passed.minScaledScore() != null) {
                node.append("minScaledScore", passed.minScaledScore());
            }
            return node;
        }
        if (requirement instanceof Requirement.CredentialHeld held) {
            return new Document("type", "credentialHeld").append("credentialId", held.credentialId());
        }
        Requirement.Within within = (Requirement.Within) requirement;
        return new Document("type", "within").append("window", within.window().toString())
                .append("requirement", requirement(within.requirement()));
    }

    private static List<Document> requirements(List<Requirement> requirements) {
        List<Document> nodes = new ArrayList<>(requirements.size());
        requirements.forEach(requirement -> nodes.add(requirement(requirement)));
        return nodes;
    }
}
