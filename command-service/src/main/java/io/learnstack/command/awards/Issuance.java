package io.learnstack.command.awards;

/**
 * The outcome of an issue request.
 *
 * @param awardId the award
 * @param issued  whether this request issued it ({@code false}: it was issued before)
 */
record Issuance(String awardId, boolean issued) {
}
