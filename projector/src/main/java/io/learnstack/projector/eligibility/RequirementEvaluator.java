package io.learnstack.projector.eligibility;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import io.learnstack.events.Requirement;

/**
 * Decides whether a learner's evidence meets a credential's requirement, and since when. Pure: event times
 * only, never the clock, so that a rebuild decides as the live run did.
 * <p>
 * A requirement is met at the earliest event time by which enough evidence had arrived: the latest of
 * the evidence its cheapest way of being met uses. A time window restricts the evidence its inner
 * requirement may use to one span no longer than the window; every span starting at a piece of evidence
 * is tried.
 */
final class RequirementEvaluator {

    private RequirementEvaluator() {
    }

    /**
     * Evaluates a requirement.
     *
     * @param requirement the credential's requirement
     * @param evidence    the learner's evidence
     * @param after       only evidence dated strictly after this counts (renewal after an award ended), or
     *                    {@code null} for all evidence
     */
    static Evaluation evaluate(Requirement requirement, Evidence evidence, Instant after) {
        Scope scope = new Scope(evidence, after);
        Optional<Instant> metAt = scope.earliest(requirement, Instant.MIN, Instant.MAX);
        Need need = scope.need(requirement);
        return new Evaluation(metAt.orElse(null), List.copyOf(need.met()),
                metAt.isPresent() ? List.of() : List.copyOf(need.missing()));
    }

    /**
     * @param eligibleAt when the requirement became met, or {@code null} when it is not
     * @param met        the leaves the learner has evidence for
     * @param missing    the fewest leaves still needed (empty when met)
     */
    record Evaluation(Instant eligibleAt, List<Leaf> met, List<Leaf> missing) {

        boolean isMet() {
            return eligibleAt != null;
        }
    }

    private record Need(Set<Leaf> met, Set<Leaf> missing, boolean satisfied) {
    }

    private record Scope(Evidence evidence, Instant after) {

        /** The earliest time the requirement is met using only evidence dated within [from, to]. */
        Optional<Instant> earliest(Requirement requirement, Instant from, Instant to) {
            if (requirement instanceof Requirement.AllOf all) {
                if (all.of().isEmpty()) {
                    return Optional.empty();
                }
                Instant latest = Instant.MIN;
                for (Requirement part : all.of()) {
                    Optional<Instant> at = earliest(part, from, to);
                    if (at.isEmpty()) {
                        return Optional.empty();
                    }
                    latest = at.get().isAfter(latest) ? at.get() : latest;
                }
                return Optional.of(latest);
            }
            if (requirement instanceof Requirement.AnyOf any) {
                return any.of().stream().map(part -> earliest(part, from, to)).flatMap(Optional::stream)
                        .min(Comparator.naturalOrder());
            }
            if (requirement instanceof Requirement.AtLeast atLeast) {
                List<Instant> times = atLeast.of().stream().map(part -> earliest(part, from, to))
                        .flatMap(Optional::stream).sorted().toList();
                return atLeast.count() >= 1 && times.size() >= atLeast.count()
                        ? Optional.of(times.get(atLeast.count() - 1)) : Optional.empty();
            }
            if (requirement instanceof Requirement.ActivityCompleted completed) {
                return first(evidence.completions().stream().filter(c -> c.activityId().equals(completed.activityId()))
                        .map(Evidence.Completion::at).toList(), from, to);
            }
            if (requirement instanceof Requirement.AssessmentPassed passed) {
                return first(evidence.passes().stream().filter(passes(passed)).map(Evidence.Pass::at).toList(), from, to);
            }
            if (requirement instanceof Requirement.CredentialHeld held) {
                return first(evidence.awards().stream()
                        .filter(award -> award.valid() && award.credentialId().equals(held.credentialId()))
                        .map(Evidence.Award::validFrom).toList(), from, to);
            }
            Requirement.Within within = (Requirement.Within) requirement;
            Optional<Instant> best = Optional.empty();
            for (Instant start : times(from, to)) {
                Instant end = start.atZone(ZoneOffset.UTC).plus(within.window()).toInstant();
                Optional<Instant> at = earliest(within.requirement(), start, end.isBefore(to) ? end : to);
                if (at.isPresent() && (best.isEmpty() || at.get().isBefore(best.get()))) {
                    best = at;
                }
            }
            return best;
        }

        /** Which leaves are met, and the fewest unmet ones that would still be needed. */
        Need need(Requirement requirement) {
            if (requirement instanceof Requirement.AllOf all) {
                List<Need> parts = all.of().stream().map(this::need).toList();
                return new Need(union(parts, Need::met), union(parts, Need::missing),
                        !parts.isEmpty() && parts.stream().allMatch(Need::satisfied));
            }
            if (requirement instanceof Requirement.AnyOf any) {
                return fewestMissing(any.of(), 1);
            }
            if (requirement instanceof Requirement.AtLeast atLeast) {
                return fewestMissing(atLeast.of(), atLeast.count());
            }
            if (requirement instanceof Requirement.Within within) {
                Need inner = need(within.requirement());
                boolean satisfied = earliest(within, Instant.MIN, Instant.MAX).isPresent();
                if (inner.satisfied() && !satisfied) {
                    // Every part is there, but not within one window: the window is what is missing.
                    return new Need(inner.met(), Set.of(Leaf.of(within)), false);
                }
                return new Need(inner.met(), inner.missing(), satisfied);
            }
            boolean met = earliest(requirement, Instant.MIN, Instant.MAX).isPresent();
            Leaf leaf = Leaf.of(requirement);
            return met ? new Need(Set.of(leaf), Set.of(), true) : new Need(Set.of(), Set.of(leaf), false);
        }

        private Need fewestMissing(List<Requirement> of, int count) {
            List<Need> parts = of.stream().map(this::need).toList();
            long satisfied = parts.stream().filter(Need::satisfied).count();
            Set<Leaf> missing = new LinkedHashSet<>();
            if (satisfied < count) {
                parts.stream().filter(part -> !part.satisfied())
                        .sorted(Comparator.comparingInt(part -> part.missing().size()))
                        .limit(count - satisfied).forEach(part -> missing.addAll(part.missing()));
            }
            return new Need(union(parts, Need::met), missing, satisfied >= count);
        }

        private static Set<Leaf> union(List<Need> parts, Function<Need, Set<Leaf>> leaves) {
            Set<Leaf> union = new LinkedHashSet<>();
            parts.forEach(part -> union.addAll(leaves.apply(part)));
            return union;
        }

        private Optional<Instant> first(List<Instant> times, Instant from, Instant to) {
            return times.stream().filter(at -> counts(at) && !at.isBefore(from) && !at.isAfter(to))
                    .min(Comparator.naturalOrder());
        }

        /** Every evidence time within [from, to], the candidate starts of a window. */
        private Set<Instant> times(Instant from, Instant to) {
            Set<Instant> times = new TreeSet<>();
            evidence.completions().forEach(c -> times.add(c.at()));
            evidence.passes().forEach(p -> times.add(p.at()));
            evidence.awards().stream().filter(Evidence.Award::valid).forEach(a -> times.add(a.validFrom()));
            times.removeIf(at -> !counts(at) || at.isBefore(from) || at.isAfter(to));
            return times;
        }

        private boolean counts(Instant at) {
            return at != null && (after == null || at.isAfter(after));
        }

        private static Predicate<Evidence.Pass> passes(Requirement.AssessmentPassed passed) {
            return pass -> pass.activityId().equals(passed.activityId()) && Boolean.TRUE.equals(pass.success())
                    && (passed.minScaledScore() == null
                            || (pass.scaled() != null && pass.scaled() >= passed.minScaledScore()));
        }
    }
}
