package org.acopi.scoring.rules;

import java.math.RoundingMode;
import java.util.Set;

/**
 * The per-PY settings of the APM entity PI roll-up (docs/pi-rules.md §6.3, §11.4 item 5): which eligibility reason
 * codes put a clinician outside the entity's average (those the PY's shared reason catalogue marks
 * {@code inApmEntityRollup: false}), how the mean is rounded, and whether an entity-level submission
 * decides the entity score outright or competes with the roll-up (§10 item 7).
 */
public record ApmEntityRollupRules(Set<String> notPartOfEntity, int decimals, RoundingMode roundingMode,
                                   boolean entitySubmissionDecides) {

    public ApmEntityRollupRules {
        notPartOfEntity = Set.copyOf(notPartOfEntity);
    }
}
