package io.learnstack.command.documents;

import java.util.List;

import io.learnstack.command.documents.DocumentRefusedException.Reason;

/**
 * What a write asks of the document it targets before it may change it: the RFC 7232 If-Match and
 * If-None-Match headers, and what a PUT without either header may do.
 *
 * @param ifMatch       the If-Match tags (or {@code *}), {@code null} when the header is absent
 * @param ifNoneMatch   the If-None-Match tags (or {@code *}), {@code null} when the header is absent
 * @param unconditional what a write without either header may do
 */
record Preconditions(List<String> ifMatch, List<String> ifNoneMatch, Unconditional unconditional) {

    /** What a write without If-Match and If-None-Match may do. */
    enum Unconditional {
        /** Anything: POST, DELETE, and PUT to a 1.0.3 state, which that version exempts from concurrency. */
        ALLOWED,
        /** Create a document but not replace one: 409 Conflict for an existing document (2.0 PUT). */
        CONFLICTS_WITH_EXISTING,
        /**
         * Nothing: 409 for an existing document and 400 for a new one, because 1.0.3 profile writes must
         * say which they mean (the conformance tests ask for both codes).
         */
        REFUSED
    }

    static Preconditions none() {
        return new Preconditions(null, null, Unconditional.ALLOWED);
    }

    /**
     * Refuses the write unless its preconditions hold for the document as it stands.
     *
     * @param currentEtag the document's entity tag, or {@code null} when there is no such document
     * @param documentId  the document's id, for messages
     * @throws DocumentRefusedException when a precondition fails
     */
    void check(String currentEtag, String documentId) {
        if (ifMatch != null && (currentEtag == null
                || !(ifMatch.contains(Etags.ANY) || ifMatch.contains(currentEtag)))) {
            throw new DocumentRefusedException(Reason.PRECONDITION_FAILED, currentEtag == null
                    ? "If-Match: there is no document '" + documentId + "' to match"
                    : "If-Match: document '" + documentId + "' has changed; its ETag is now " + currentEtag);
        }
        if (ifNoneMatch != null && currentEtag != null
                && (ifNoneMatch.contains(Etags.ANY) || ifNoneMatch.contains(currentEtag))) {
            throw new DocumentRefusedException(Reason.PRECONDITION_FAILED,
                    "If-None-Match: document '" + documentId + "' already exists with ETag " + currentEtag);
        }
        if (ifMatch == null && ifNoneMatch == null) {
            checkUnconditional(currentEtag, documentId);
        }
    }

    private void checkUnconditional(String currentEtag, String documentId) {
        if (unconditional == Unconditional.ALLOWED) {
            return;
        }
        if (currentEtag != null) {
            throw new DocumentRefusedException(Reason.CONFLICT, "document '" + documentId
                    + "' already exists; to replace it send If-Match with its ETag " + currentEtag
                    + ", or POST to merge into it");
        }
        if (unconditional == Unconditional.REFUSED) {
            throw new DocumentRefusedException(Reason.PRECONDITION_REQUIRED, "a PUT of a profile document must "
                    + "send If-None-Match: * to create it, or If-Match with the ETag of the document it replaces");
        }
    }
}
