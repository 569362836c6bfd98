package io.mockpanel.scoring;

import java.time.Instant;

/** When the lead revealed a scenario's sheets. */
public record Reveal(Instant at, String by, String byName) {
}
