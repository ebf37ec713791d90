package io.learnstack.projector.bus;

import java.util.List;

/**
 * A read model built from the event stream. Applying the same batch twice must leave the read model as
 * applying it once did: records are redelivered after a crash or a rebalance.
 */
public interface Projection {

    /** Applies a batch of events, in partition order, to the read model. */
    void apply(List<Envelope> batch);
}
