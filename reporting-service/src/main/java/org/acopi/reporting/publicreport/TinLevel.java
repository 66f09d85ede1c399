package org.acopi.reporting.publicreport;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.acopi.reporting.participants.ParticipantStatus;

/**
 * The ACO participant (TIN) counts of the public report, from the statuses of the TIN's counted TIN/NPIs
 * (42 CFR 425.308(b)(9); docs/pi-rules.md §8 "best reading", §11.4 item 6). This is the only place the TIN-level
 * definitions are written:
 * <ul>
 *   <li>a TIN is on the active roster when at least one of its TIN/NPIs is;</li>
 *   <li>required when at least one of its TIN/NPIs is required; excluded otherwise, under the deciding reason its
 *       TIN/NPIs share, or {@value #MIXED_REASONS};</li>
 *   <li>met the requirement and not excluded (N2) when required and every required TIN/NPI met it (a group score
 *       covers every clinician billing under the TIN, so a TIN that reported as a group qualifies);</li>
 *   <li>excluded but voluntarily reported (N3) when excluded and at least one TIN/NPI is;</li>
 *   <li>earned a PI score (N1) when N2 or N3, so N1 = N2 + N3 at TIN level too;</li>
 *   <li>required but not scored when required and a required TIN/NPI is not scored;</li>
 *   <li>scored when at least one TIN/NPI is scored; determination pending when at least one is pending.</li>
 * </ul>
 */
final class TinLevel {

    static final String MIXED_REASONS = "MIXED_REASONS";

    private TinLevel() {
    }

    static PublicCounts count(Map<String, List<ParticipantStatus>> countedByTin) {
        int earned = 0;
        int met = 0;
        int voluntary = 0;
        int required = 0;
        int excluded = 0;
        int requiredNotScored = 0;
        int scored = 0;
        int pending = 0;
        Map<String, Integer> byReason = new TreeMap<>();
        for (List<ParticipantStatus> npis : countedByTin.values()) {
            boolean anyRequired = npis.stream().anyMatch(ParticipantStatus::required);
            List<ParticipantStatus> requiredNpis = npis.stream().filter(ParticipantStatus::required).toList();
            boolean tinMet = anyRequired && requiredNpis.stream().allMatch(ParticipantStatus::metRequirementNotExcluded);
            boolean tinVoluntary = !anyRequired && npis.stream().anyMatch(ParticipantStatus::excludedVoluntarilyReported);
            if (tinMet || tinVoluntary) {
                earned++;
            }
            if (anyRequired) {
                required++;
                if (tinMet) {
                    met++;
                }
                if (!requiredNpis.stream().allMatch(ParticipantStatus::scored)) {
                    requiredNotScored++;
                }
            } else {
                excluded++;
                byReason.merge(sharedReason(npis), 1, Integer::sum);
                if (tinVoluntary) {
                    voluntary++;
                }
            }
            if (npis.stream().anyMatch(ParticipantStatus::scored)) {
                scored++;
            }
            if (npis.stream().anyMatch(ParticipantStatus::determinationPending)) {
                pending++;
            }
        }
        return new PublicCounts(earned, met, voluntary, countedByTin.size(), required, excluded, byReason,
                requiredNotScored, scored, pending);
    }

    private static String sharedReason(List<ParticipantStatus> npis) {
        String first = npis.get(0).decidingReason();
        return npis.stream().allMatch(s -> s.decidingReason().equals(first)) ? first : MIXED_REASONS;
    }
}
