package io.learnstack.command.enrolments;

/** An enrolment request that cannot be carried out, with why. */
class EnrolmentRefusedException extends RuntimeException {

    enum Reason { INVALID, NOT_FOUND, CONFLICT }

    private final Reason reason;

    EnrolmentRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }

    static EnrolmentRefusedException invalid(String message) {
        return new EnrolmentRefusedException(Reason.INVALID, message);
    }

    static EnrolmentRefusedException notFound(String enrolmentId) {
        return new EnrolmentRefusedException(Reason.NOT_FOUND, "no enrolment " + enrolmentId);
    }

    static EnrolmentRefusedException conflict(String message) {
        return new EnrolmentRefusedException(Reason.CONFLICT, message);
    }
}
