package org.acopi.reporting.participants;

/**
 * How one TIN/NPI counts in its ACO's public-reporting counts (42 CFR 425.308(b)(9); docs/pi-rules.md §8, §11.4
 * items 8 and 10, §11.5; PY2025+). This is the only place the per-clinician definitions are written:
 * <ul>
 *   <li>counted: on the active participation list (a determination exists and its roster status is ACTIVE);
 *       every counted unit is either required or excluded;</li>
 *   <li>required: the Shared Savings Program requires PI reporting ({@code sspRequired}: REQUIRED, QP_SSP_ONLY,
 *       PARTIAL_QP_SSP, FACTS_PENDING); excluded otherwise, under its deciding (first) reason code;</li>
 *   <li>scored: the clinician's final PI score exists at any level and is still current; a reported 0 is scored;</li>
 *   <li>metRequirementNotExcluded (N2): required, scored, and its deciding reason inside the population of MIPS
 *       eligible clinicians, QPs and Partial QPs on the Snapshot-3 list (the shared reason catalogue's
 *       {@code inEarnedScoreUniverse});</li>
 *   <li>excludedVoluntarilyReported (N3): excluded, scored, with a deciding reason inside that population that is a PI
 *       reweighting basis of §7.3 rows 5–7 ({@code voluntaryReportingBasis}; a reweighting code behind another
 *       exclusion, such as {@code [BELOW_LVT, REWEIGHT_SMALL_PRACTICE]}, does not decide) and data not compromised
 *       (row 9);</li>
 *   <li>earnedPiScore (N1): N2 or N3, so N1 = N2 + N3. A unit whose deciding reason is outside the population
 *       (e.g. below the low-volume threshold, not on the Snapshot-3 list, not a MIPS eligible clinician) never counts,
 *       even when a group, virtual-group or APM entity score covers it; {@code notCountedNote} says so in words;</li>
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
        String decidingReason,
        String notCountedNote) {

    /** The reason under which a determination without reason codes is counted. */
    public static final String UNSPECIFIED_REASON = "UNSPECIFIED";

    private static final ParticipantStatus NOT_COUNTED =
            new ParticipantStatus(false, false, false, false, false, false, false, false, false, null, null);

    static ParticipantStatus of(Participant participant, CountingRules rules) {
        EligibilityPart eligibility = participant.eligibility();
        if (eligibility == null || !eligibility.active()) {
            return NOT_COUNTED;
        }
        ScorePart score = participant.score();
        boolean required = eligibility.sspRequired();
        boolean scored = score != null && score.active() && score.scored();
        String reason = eligibility.decidingReason();
        boolean inside = rules.isInsideEarnedScoreUniverse(reason);
        boolean met = required && scored && inside;
        boolean voluntary = !required && scored && inside && rules.isVoluntaryReportingBasis(reason)
                && !eligibility.dataCompromised();
        return new ParticipantStatus(
                true,
                required,
                !required,
                scored,
                met || voluntary,
                met,
                voluntary,
                required && !scored,
                !eligibility.factsKnown(),
                reason,
                scored && !met && !voluntary ? notCounted(score, eligibility, inside, rules) : null);
    }

    /** Why a scored unit is not counted in the public counts, in words ("scored through the group, but ..."). */
    private static String notCounted(ScorePart score, EligibilityPart eligibility, boolean inside, CountingRules rules) {
        String reason = eligibility.decidingReason();
        String words = rules.reason(reason).map(r -> r.label()).orElse(reason);
        String why;
        if (!inside) {
            why = words + ": not counted in the public counts, which count only MIPS eligible clinicians, QPs and "
                    + "Partial QPs on the ACO's Snapshot-3 participation list (42 CFR 425.308(b)(9))";
        } else if (eligibility.dataCompromised()) {
            why = "CMS found its PI data compromised: not counted in the public counts (42 CFR 414.1380(c)(2)(i)(C))";
        } else {
            why = "excluded (" + words + ") on a basis that is not voluntary reporting: not counted in the public counts "
                    + "(42 CFR 425.308(b)(9))";
        }
        return "Scored " + level(score.source()) + ", but " + why + ".";
    }

    private static String level(String source) {
        if (source == null) {
            return "at some level";
        }
        return switch (source) {
            case "INDIVIDUAL" -> "individually";
            case "GROUP" -> "through the group (TIN)";
            case "VIRTUAL_GROUP" -> "through the virtual group";
            case "APM_ENTITY" -> "through the APM entity";
            default -> "at the " + source + " level";
        };
    }
}
