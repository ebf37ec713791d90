package io.learnstack.infra.demo;

import java.util.List;

/**
 * A course of one tenant, made of units each with an assessment.
 *
 * @param code  short name, also the last segment of its IRI
 * @param name  display name
 * @param iri   the course's activity IRI
 * @param units its units in delivery order
 */
record Course(String code, String name, String iri, List<Unit> units) {

    /**
     * A unit of competency.
     *
     * @param code       the national unit code
     * @param name       display name
     * @param iri        the unit's activity IRI
     * @param assessment the IRI of the unit's assessment
     */
    record Unit(String code, String name, String iri, String assessment) {
    }
}
