package io.learnstack.projector.bus;

import java.util.List;
import java.util.Set;

/**
 * A read model built from the event stream. Applying the same batch twice must leave the read model as
 * applying it once did: records are redelivered after a crash or a rebalance. Applying every event from
 * the start of the topic to empty collections must give the read model that live projection gave.
 */
public interface Projection {

    /** Applies a batch of events, in partition order, to the read model. */
    void apply(List<Envelope> batch);

    /** The collections this projection writes, and nothing else does: a rebuild drops them. */
    Set<String> collections();
}
