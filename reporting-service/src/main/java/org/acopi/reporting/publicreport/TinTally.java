package org.acopi.reporting.publicreport;

import java.util.Map;
import java.util.TreeMap;

/**
 * What an ACO's public report needs to know about one of its participant TINs for a PY, kept as sums of its
 * TIN/NPIs' stored contributions: how many are counted, required, required and met, required and scored, excluded
 * but voluntarily reported, scored, pending, and the excluded ones' deciding reasons. {@link #outcome} applies the
 * TIN-level definitions of {@link TinLevel} to these sums, so a TIN/NPI's change costs O(1) however large its TIN.
 */
public record TinTally(int counted, int required, int requiredMet, int requiredScored, int voluntary, int scored,
                       int pending, Map<String, Integer> excludedReasons) {

    public static final TinTally NONE = new TinTally(0, 0, 0, 0, 0, 0, 0, Map.of());

    public TinTally {
        excludedReasons = excludedReasons == null ? Map.of() : Map.copyOf(excludedReasons);
    }

    /** These sums with a TIN/NPI's contribution added ({@code sign} 1) or taken away ({@code sign} -1). */
    public TinTally plus(ReportContribution contribution, int sign) {
        if (contribution == null || !contribution.counted()) {
            return this;
        }
        PublicCounts c = contribution.counts();
        Map<String, Integer> reasons = new TreeMap<>(excludedReasons);
        c.excludedByReason().forEach((reason, n) -> reasons.merge(reason, sign * n, (a, b) -> a + b == 0 ? null : a + b));
        boolean required = c.required() == 1;
        return new TinTally(counted + sign, this.required + sign * c.required(),
                requiredMet + (required ? sign * c.metRequirementNotExcluded() : 0),
                requiredScored + (required ? sign * c.scored() : 0),
                voluntary + sign * c.excludedVoluntarilyReported(), scored + sign * c.scored(),
                pending + sign * c.determinationPending(), reasons);
    }

    /** The TIN's counts as one ACO participant (each 0 or 1), or {@link PublicCounts#NONE} when no TIN/NPI is counted. */
    public PublicCounts outcome() {
        if (counted == 0) {
            return PublicCounts.NONE;
        }
        boolean anyRequired = required > 0;
        boolean met = anyRequired && requiredMet == required;
        boolean voluntarily = !anyRequired && voluntary > 0;
        String reason = excludedReasons.size() == 1 ? excludedReasons.keySet().iterator().next() : TinLevel.MIXED_REASONS;
        return new PublicCounts(one(met || voluntarily), one(met), one(voluntarily), 1, one(anyRequired), one(!anyRequired),
                anyRequired ? Map.of() : Map.of(reason, 1), one(anyRequired && requiredScored < required), one(scored > 0),
                one(pending > 0));
    }

    private static int one(boolean flag) {
        return flag ? 1 : 0;
    }
}
