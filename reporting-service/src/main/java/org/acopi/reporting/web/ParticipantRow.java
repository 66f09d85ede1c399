package org.acopi.reporting.web;

import java.util.List;
import java.util.Locale;
import org.acopi.contracts.Identifiers;
import org.acopi.reporting.participants.CountingRules;
import org.acopi.reporting.participants.EligibilityPart;
import org.acopi.reporting.participants.Participant;
import org.acopi.reporting.participants.ParticipantStatus;
import org.acopi.reporting.participants.ScorePart;

/**
 * One TIN/NPI in an operations view: its public-reporting status (42 CFR 425.308(b)(9), docs/pi-rules.md §8), with
 * {@code notCountedNote} saying in words why a scored clinician is not counted, the reasons of its MSSP PI
 * determination (42 CFR 425.507, docs/pi-rules.md §7.3) and where its PI score came from. The TIN is masked unless full
 * identifiers are enabled.
 */
record ParticipantRow(
        String tin,
        String npi,
        String rosterStatus,
        boolean counted,
        boolean required,
        boolean excluded,
        boolean scored,
        boolean earnedPiScore,
        boolean metRequirementNotExcluded,
        boolean excludedVoluntarilyReported,
        boolean requiredNotScored,
        boolean determinationPending,
        String decidingReason,
        List<String> reasonCodes,
        String reweighting,
        String qpStatus,
        String clinicianType,
        Boolean sspEnforced,
        Double finalScore,
        String scoreSource,
        List<String> scoreReasonCodes,
        Integer snapshot,
        String eligibilityRulesVersion,
        String scoringRulesVersion,
        String notCountedNote,
        String explanation) {

    static ParticipantRow of(Participant participant, boolean showFullTin) {
        ParticipantStatus status = participant.status(CountingRules.forYear(participant.performanceYear()));
        EligibilityPart eligibility = participant.eligibility();
        ScorePart score = participant.score();
        boolean currentScore = score != null && score.active();
        return new ParticipantRow(
                showFullTin ? participant.tin() : Identifiers.maskTin(participant.tin()),
                participant.npi(),
                eligibility == null ? null : eligibility.rosterStatus(),
                status.counted(),
                status.required(),
                status.excluded(),
                status.scored(),
                status.earnedPiScore(),
                status.metRequirementNotExcluded(),
                status.excludedVoluntarilyReported(),
                status.requiredNotScored(),
                status.determinationPending(),
                status.decidingReason(),
                eligibility == null ? List.of() : eligibility.reasonCodes(),
                eligibility == null ? null : eligibility.reweighting(),
                eligibility == null ? null : eligibility.qpStatus(),
                eligibility == null ? null : eligibility.clinicianType(),
                eligibility == null ? null : eligibility.sspEnforced(),
                currentScore ? score.finalScore() : null,
                currentScore ? score.source() : null,
                score == null ? List.of() : score.reasonCodes(),
                eligibility == null ? null : eligibility.snapshot(),
                eligibility == null ? null : eligibility.rulesVersion(),
                score == null ? null : score.rulesVersion(),
                status.notCountedNote(),
                explain(eligibility, score, status));
    }

    private static String explain(EligibilityPart eligibility, ScorePart score, ParticipantStatus status) {
        if (eligibility == null) {
            return "No MSSP PI determination received yet; not counted.";
        }
        if (!status.counted()) {
            return "Removed from the ACO participation list; not counted.";
        }
        StringBuilder text = new StringBuilder();
        text.append(status.required() ? "Required to report PI (" : "Excluded from the PI requirement (")
                .append(status.decidingReason()).append(')');
        if (!eligibility.explanation().isBlank()) {
            text.append(": ").append(eligibility.explanation().strip());
        }
        if (!text.toString().endsWith(".")) {
            text.append('.');
        }
        if (status.scored()) {
            text.append(" PI score ")
                    .append(score.finalScore() == null ? "earned" : String.format(Locale.ROOT, "%.2f", score.finalScore()))
                    .append(score.source() == null ? "." : " at the " + score.source() + " level.");
        } else {
            text.append(" No PI score yet.");
        }
        if (status.requiredNotScored()) {
            text.append(" Required but not scored.");
        } else if (status.excludedVoluntarilyReported()) {
            text.append(" Excluded but voluntarily reported.");
        } else if (status.notCountedNote() != null) {
            text.append(' ').append(status.notCountedNote());
        }
        if (status.determinationPending()) {
            text.append(" Determination pending: clinician facts not received yet.");
        }
        return text.toString();
    }
}
