package org.acopi.reporting.participants;

/**
 * How one TIN/NPI counts in its ACO's public-reporting counts (42 CFR 425.308(b)(9); pi-rules.md §8, §11.4 item 10,
 * §11.5; PY2025+). This is the only place the per-clinician definitions are written:
 * <ul>
 *   <li>counted: on the active participation list (a determination exists and its roster status is ACTIVE);
 *       every counted unit is either required or excluded;</li>
 *   <li>required: the Shared Savings Program requires PI reporting ({@code sspRequired}: REQUIRED, QP_SSP_ONLY,
 *       PARTIAL_QP_SSP); excluded otherwise, under its deciding (first) reason code;</li>
 *   <li>scored: the clinician's final PI score exists at any level and is still current; a reported 0 is scored;</li>
 *   <li>earnedPiScore (N1): scored, and a MIPS eligible clinician, QP or Partial QP, which the deciding reason tells
 *       (rules data {@code earned-score-outside-universe});</li>
 *   <li>metRequirementNotExcluded (N2): required and scored;</li>
 *   <li>excludedVoluntarilyReported (N3): excluded, with a deciding reason that is a PI reweighting basis of §7.3
 *       rows 5–7 (rules data {@code voluntary-reporting-bases}; a reweighting code behind another exclusion, such as
 *       {@code [BELOW_LVT, REWEIGHT_SMALL_PRACTICE]}, does not decide), data not compromised (row 9, anywhere among the
 *       reasons), and earned a PI score nevertheless (row 8);</li>
 *   <li>requiredNotScored: required and not scored (the operations alarm).</li>
 * </ul>
 */
public record ParticipantStatus(
        boolean counted,
        boolean required,
        boolean excluded,
        boolean scored,
        boolean earnedPiScore,
        boolean metRequirementNotExcluded,
        boolean excludedVoluntarilyReported,
        boolean requiredNotScored,
        boolean determinationPending,
        String decidingReason) {

    /** The reason under which a determination without reason codes is counted. */
    public static final String UNSPECIFIED_REASON = "UNSPECIFIED";

    private static final ParticipantStatus NOT_COUNTED =
            new ParticipantStatus(false, false, false, false, false, false, false, false, false, null);

    static ParticipantStatus of(Participant participant, CountingRules rules) {
        EligibilityPart eligibility = participant.eligibility();
        if (eligibility == null || !eligibility.active()) {
            return NOT_COUNTED;
        }
        ScorePart score = participant.score();
        boolean required = eligibility.sspRequired();
        boolean scored = score != null && score.active() && score.scored();
        String reason = eligibility.decidingReason();
        boolean earned = scored && !rules.isOutsideEarnedScoreUniverse(reason);
        return new ParticipantStatus(
                true,
                required,
                !required,
                scored,
                earned,
                required && scored,
                !required && earned && !eligibility.dataCompromised() && rules.isVoluntaryReportingBasis(eligibility.reasonCodes()),
                required && !scored,
                !eligibility.factsKnown(),
                reason);
    }
}
