package io.learnstack.bench;

/**
 * A statement as the limits write it: the same JSON the system is sent, with the values the system's own
 * records carry beside it.
 *
 * @param id         the statement id
 * @param learnerKey the actor, as the partition key of the system's records
 * @param verbId     the verb IRI
 * @param objectId   the object's id
 * @param json       the statement JSON
 */
record Payload(String id, String learnerKey, String verbId, String objectId, String json) {
}
