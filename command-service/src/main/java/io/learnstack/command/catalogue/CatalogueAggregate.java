package io.learnstack.command.catalogue;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import io.learnstack.command.catalogue.CatalogueRefusedException.Reason;
import io.learnstack.events.CatalogueEvent;
import io.learnstack.events.CredentialDefined;
import io.learnstack.events.CredentialDefinition;
import io.learnstack.events.CredentialRetired;
import io.learnstack.events.CredentialRevised;

/**
 * A tenant's credential catalogue, whole: one aggregate per tenant, because whether credentials stack in
 * a cycle can only be decided against every definition at once. Ids are never reused, not even once a
 * credential is retired, so an issued credential always names the definition it was issued under.
 * Revising a credential to what it already says records nothing.
 * <p>
 * Snapshotted as JSON (hence the field visibility below) so a long history of revisions is not read on
 * every change.
 */
@Aggregate(snapshotTriggerDefinition = "catalogueSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
class CatalogueAggregate {

    @AggregateIdentifier
    private String id;
    private SortedMap<String, Entry> credentials = new TreeMap<>();

    CatalogueAggregate() {
        // required by Axon to create a new instance or source an existing one
    }

    /** @return the new credential's revision, 1 */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(DefineCredential command) {
        CredentialDraft draft = command.draft();
        DefinitionRules.check(draft);
        Entry existing = credentials.get(draft.credentialId());
        if (existing != null) {
            throw new CatalogueRefusedException(Reason.EXISTS, existing.retired()
                    ? "credential '" + draft.credentialId() + "' was retired, and a credential's id is never reused"
                    : "credential '" + draft.credentialId() + "' exists; PUT /api/credentials/"
                            + draft.credentialId() + " revises it");
        }
        checkStacking(draft);
        apply(new CredentialDefined(command.tenant(), draft.definition(1), command.defined()));
        return 1;
    }

    /** @return the credential's revision after the change */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(ReviseCredential command) {
        CredentialDraft draft = command.draft();
        CredentialDefinition current = changeable(draft.credentialId());
        DefinitionRules.check(draft);
        if (draft.sameAs(current)) {
            return current.revision();
        }
        checkStacking(draft);
        int revision = current.revision() + 1;
        apply(new CredentialRevised(command.tenant(), draft.definition(revision), command.revised()));
        return revision;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RetireCredential command) {
        Entry entry = known(command.credentialId());
        if (!entry.retired()) {
            apply(new CredentialRetired(command.tenant(), command.credentialId(), command.retired()));
        }
    }

    private Entry known(String credentialId) {
        Entry entry = credentialId == null ? null : credentials.get(credentialId);
        if (entry == null) {
            throw new CatalogueRefusedException(Reason.UNKNOWN, "no credential '" + credentialId + "' in the catalogue");
        }
        return entry;
    }

    private CredentialDefinition changeable(String credentialId) {
        Entry entry = known(credentialId);
        if (entry.retired()) {
            throw new CatalogueRefusedException(Reason.RETIRED, "credential '" + credentialId
                    + "' is retired and can no longer be revised");
        }
        return entry.definition();
    }

    /** Every credential the draft stacks on must be in the catalogue, current, and must not lead back to it. */
    private void checkStacking(CredentialDraft draft) {
        for (String held : StackingGraph.heldIn(draft.requirement())) {
            if (held.equals(draft.credentialId())) {
                continue;
            }
            Entry entry = credentials.get(held);
            if (entry == null) {
                throw CatalogueRefusedException.invalid("the requirement asks for credential '" + held
                        + "' (credentialHeld), and the catalogue has no such credential");
            }
            if (entry.retired()) {
                throw CatalogueRefusedException.invalid("the requirement asks for credential '" + held
                        + "' (credentialHeld), which is retired and can no longer be earned");
            }
        }
        Optional<List<String>> cycle = StackingGraph.cycleThrough(draft.credentialId(), draft.requirement(),
                this::heldBy);
        if (cycle.isPresent()) {
            throw CatalogueRefusedException.invalid("credentials would stack in a cycle, so none of them could be "
                    + "earned: " + String.join(" -> ", cycle.get()));
        }
    }

    private Set<String> heldBy(String credentialId) {
        Entry entry = credentials.get(credentialId);
        return entry == null ? Set.of() : StackingGraph.heldIn(entry.definition().requirement());
    }

    /** The credential as the catalogue holds it, retired or not. */
    Optional<Entry> entry(String credentialId) {
        return credentialId == null ? Optional.empty() : Optional.ofNullable(credentials.get(credentialId));
    }

    @EventSourcingHandler
    void on(CredentialDefined event) {
        fold(event);
    }

    @EventSourcingHandler
    void on(CredentialRevised event) {
        fold(event);
    }

    @EventSourcingHandler
    void on(CredentialRetired event) {
        fold(event);
    }

    /** Takes an event into the state; the catalogue reader folds histories with it too. */
    void fold(CatalogueEvent event) {
        if (id == null) {
            id = CatalogueCommand.aggregateIdOf(event.tenant());
        }
        if (event instanceof CredentialDefined defined) {
            credentials.put(defined.credentialId(), new Entry(defined.definition(), false));
        } else if (event instanceof CredentialRevised revised) {
            credentials.put(revised.credentialId(), new Entry(revised.definition(), false));
        } else if (event instanceof CredentialRetired retired) {
            credentials.computeIfPresent(retired.credentialId(),
                    (credentialId, entry) -> new Entry(entry.definition(), true));
        }
    }

    /**
     * A credential as the catalogue holds it.
     *
     * @param definition its latest revision
     * @param retired    whether it was retired
     */
    record Entry(CredentialDefinition definition, boolean retired) {
    }
}
