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

    /** No unit at all. */
    public static final PublicCounts NONE = new PublicCounts(0, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0);

    public PublicCounts {
        excludedByReason = Collections.unmodifiableMap(new TreeMap<>(excludedByReason));
    }

    /** These counts with {@code other} added ({@code sign} 1) or taken away ({@code sign} -1); reasons at 0 drop out. */
    public PublicCounts plus(PublicCounts other, int sign) {
        if (other == null) {
            return this;
        }
        Map<String, Integer> byReason = new TreeMap<>(excludedByReason);
        other.excludedByReason.forEach((reason, n) -> byReason.merge(reason, sign * n, (a, b) -> a + b == 0 ? null : a + b));
        return new PublicCounts(
                earnedPiScore + sign * other.earnedPiScore,
                metRequirementNotExcluded + sign * other.metRequirementNotExcluded,
                excludedVoluntarilyReported + sign * other.excludedVoluntarilyReported,
                activeRoster + sign * other.activeRoster,
                required + sign * other.required,
                excluded + sign * other.excluded,
                byReason,
                requiredNotScored + sign * other.requiredNotScored,
                scored + sign * other.scored,
                determinationPending + sign * other.determinationPending);
    }
}
