package io.learnstack.command.awards;

/** An award request that is malformed or misses what it needs. */
class InvalidAwardRequestException extends RuntimeException {

    InvalidAwardRequestException(String message) {
        super(message);
    }
}
