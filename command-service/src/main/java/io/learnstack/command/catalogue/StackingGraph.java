package io.learnstack.command.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.learnstack.events.Requirement;

/**
 * Credentials stack: one may require that the learner holds others. The catalogue keeps that graph
 * free of cycles, since a credential that requires itself, however indirectly, can never be earned.
 */
final class StackingGraph {

    private StackingGraph() {
    }

    /** The credentials a requirement asks the learner to hold, in the order the tree names them. */
    static Set<String> heldIn(Requirement requirement) {
        Set<String> held = new LinkedHashSet<>();
        collect(requirement, held);
        return held;
    }

    private static void collect(Requirement requirement, Set<String> held) {
        if (requirement instanceof Requirement.AllOf allOf) {
            allOf.of().forEach(child -> collect(child, held));
        } else if (requirement instanceof Requirement.AnyOf anyOf) {
            anyOf.of().forEach(child -> collect(child, held));
        } else if (requirement instanceof Requirement.AtLeast atLeast) {
            atLeast.of().forEach(child -> collect(child, held));
        } else if (requirement instanceof Requirement.Within within) {
            collect(within.requirement(), held);
        } else if (requirement instanceof Requirement.CredentialHeld credential) {
            held.add(credential.credentialId());
        }
    }

    /**
     * The cycle a credential would close with the given requirement, when the rest of the graph has none.
     *
     * @param credentialId the credential being defined or revised
     * @param requirement  its new requirement
     * @param heldByOthers the credentials each other credential of the catalogue requires
     * @return the cycle from the credential back to itself, e.g. {@code [a, b, a]}, or empty
     */
    static Optional<List<String>> cycleThrough(String credentialId, Requirement requirement,
            Function<String, Set<String>> heldByOthers) {
        List<String> path = new ArrayList<>(List.of(credentialId));
        return search(credentialId, heldIn(requirement), heldByOthers, path, new HashSet<>())
                ? Optional.of(path) : Optional.empty();
    }

    private static boolean search(String start, Set<String> next, Function<String, Set<String>> heldByOthers,
            List<String> path, Set<String> visited) {
        for (String held : next) {
            path.add(held);
            if (held.equals(start)) {
                return true;
            }
            if (visited.add(held) && search(start, heldByOthers.apply(held), heldByOthers, path, visited)) {
                return true;
            }
            path.remove(path.size() - 1);
        }
        return false;
    }
}
