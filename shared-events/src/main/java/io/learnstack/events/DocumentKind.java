package io.learnstack.events;

/**
 * The three xAPI document resources. Each keeps documents in its own scope: a state belongs to an
 * activity, an agent and optionally a registration; an activity profile to an activity; an agent
 * profile to an agent.
 *
 * @since 0.2
 */
public enum DocumentKind {
    /** {@code /activities/state}: stateId within activity, agent and registration. */
    STATE,
    /** {@code /activities/profile}: profileId within activity. */
    ACTIVITY_PROFILE,
    /** {@code /agents/profile}: profileId within agent. */
    AGENT_PROFILE
}
