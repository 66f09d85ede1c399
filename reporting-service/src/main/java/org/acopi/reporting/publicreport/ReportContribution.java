package org.acopi.reporting.publicreport;

import java.util.List;
import java.util.Map;
import org.acopi.reporting.participants.AcoYear;
import org.acopi.reporting.participants.CountingRules;
import org.acopi.reporting.participants.Participant;
import org.acopi.reporting.participants.ParticipantStatus;

/**
 * What one TIN/NPI adds to its ACO's public report for a PY (42 CFR 425.308(b)(9); docs/pi-rules.md §8, §11.1,
 * §11.3): its counts as a provider/supplier (0 or 1 each, from {@link ParticipantStatus}), the ACO-exemption reasons it
 * carries, whether it is required with the requirement enforced, and the rules versions behind its parts. It is stored
 * with the participant when added, and exactly that stored value is taken away again when the participant changes or
 * moves, so a redeploy with new counting rules can never make a subtraction differ from the earlier addition.
 */
public record ReportContribution(
        String acoId,
        int performanceYear,
        String tin,
        boolean counted,
        PublicCounts counts,
        List<String> acoExemptReasons,
        boolean requiredEnforced,
        String eligibilityRulesVersion,
        String scoringRulesVersion) {

    public ReportContribution {
        acoExemptReasons = acoExemptReasons == null ? List.of() : List.copyOf(acoExemptReasons);
    }

    /** The participant's contribution under the PY's counting rules; null when it names no ACO yet. */
    public static ReportContribution of(Participant participant, CountingRules rules) {
        AcoYear acoYear = participant.acoYear();
        if (acoYear == null) {
            return null;
        }
        ParticipantStatus status = participant.status(rules);
        PublicCounts counts = PublicCounts.NONE;
        List<String> exempt = List.of();
        boolean requiredEnforced = false;
        if (status.counted()) {
            counts = new PublicCounts(one(status.earnedPiScore()), one(status.metRequirementNotExcluded()),
                    one(status.excludedVoluntarilyReported()), 1, one(status.required()), one(status.excluded()),
                    status.excluded() ? Map.of(status.decidingReason(), 1) : Map.of(), one(status.requiredNotScored()),
                    one(status.scored()), one(status.determinationPending()));
            exempt = rules.acoExemptReasons().stream().filter(participant.eligibility().reasonCodes()::contains).toList();
            requiredEnforced = status.required() && participant.eligibility().sspEnforced();
        }
        return new ReportContribution(acoYear.acoId(), acoYear.performanceYear(), participant.tin(), status.counted(),
                counts, exempt, requiredEnforced,
                participant.eligibility() == null ? null : participant.eligibility().rulesVersion(),
                participant.score() == null ? null : participant.score().rulesVersion());
    }

    public AcoYear acoYear() {
        return new AcoYear(acoId, performanceYear);
    }

    /** Whether this contribution's decisive reason and status make its TIN required (any required TIN/NPI does). */
    boolean required() {
        return counts.required() == 1;
    }

    private static int one(boolean flag) {
        return flag ? 1 : 0;
    }
}
