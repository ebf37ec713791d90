package io.learnstack.command.publishing;

/** Kafka did not take a batch of events; the publisher's position stays put and the batch is retried. */
class EventPublicationException extends RuntimeException {

    EventPublicationException(String message, Throwable cause) {
        super(message, cause);
    }
}
