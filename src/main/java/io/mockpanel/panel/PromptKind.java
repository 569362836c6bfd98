package io.mockpanel.panel;

/** The parts of a scenario that can be pushed to the candidate, in the order they are usually pushed. */
@org.springframework.modulith.NamedInterface("api")
public enum PromptKind {
    /** Title, level and duration. */
    OVERVIEW,
    SITUATION,
    CHALLENGES,
    /** One discussion question. */
    QUESTION
}
