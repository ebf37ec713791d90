package io.learnstack.bench.fault;

/** The running parts of a system, as a fault run kills and restarts them. */
public interface Parts {

    /** Kills the part at once, as {@code kill -9} does, and returns when its process is gone. */
    void kill(String part) throws Exception;

    /** Starts the killed part again and returns when every service reports ready. */
    void restart(String part) throws Exception;

    /** Rebuilds every read model from the start of the event stream and returns when it has caught up. */
    void rebuild() throws Exception;
}
