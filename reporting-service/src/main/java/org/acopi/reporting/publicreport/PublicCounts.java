package org.acopi.reporting.publicreport;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts of one unit type of an ACO's public report for a PY (42 CFR 425.308(b)(9); docs/pi-rules.md §8, §11.4
 * items 6 and 10): the three public counts, then the operations counts. {@code activeRoster = required + excluded};
 * {@code excludedByReason} counts every excluded unit once, under its deciding reason.
 */
public record PublicCounts(
        int earnedPiScore,
        int metRequirementNotExcluded,
        int excludedVoluntarilyReported,
        int activeRoster,
        int required,
        int excluded,
        Map<String, Integer> excludedByReason,
        int requiredNotScored,
        int scored,
        int determinationPending) {

    public PublicCounts {
        excludedByReason = Collections.unmodifiableMap(new TreeMap<>(excludedByReason));
    }
}
