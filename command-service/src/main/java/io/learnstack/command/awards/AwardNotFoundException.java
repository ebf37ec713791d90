package io.learnstack.command.awards;

/** No such award for the asking tenant, or no such credential in its catalogue. */
class AwardNotFoundException extends RuntimeException {

    AwardNotFoundException(String message) {
        super(message);
    }
}
