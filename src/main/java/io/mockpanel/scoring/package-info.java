/**
 * Blind scoring of a panel session: per scenario, each scoring member's sheet (a 1-4 score and a
 * justification per discussion area, an overall recommendation), hidden from the others until
 * they submitted their own, revealed together by the lead, and the panel's consensus per area.
 * {@link io.mockpanel.scoring.ScoringService} is the API and the security boundary.
 */
@NullMarked
package io.mockpanel.scoring;

import org.jspecify.annotations.NullMarked;
