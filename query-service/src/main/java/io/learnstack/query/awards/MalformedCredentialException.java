package io.learnstack.query.awards;

/** What was sent for verification is not a VC-JWT at all. */
class MalformedCredentialException extends RuntimeException {

    MalformedCredentialException(String message) {
        super(message);
    }
}
