package org.acopi.reporting.participants;

/**
 * One ACO provider/supplier (TIN/NPI) for one performance year, as reporting knows it: the MSSP PI determination
 * (42 CFR 425.507) and the final PI score, each kept at the latest version received. Either part may be missing while
 * its event has not arrived.
 */
public record Participant(String id, int performanceYear, String tin, String npi, EligibilityPart eligibility, ScorePart score) {

    public static String id(int performanceYear, String tin, String npi) {
        return performanceYear + ":" + tin + ":" + npi;
    }

    /** The ACO the participant belongs to: the determination's (built from the participation list), else the score's. */
    public String acoId() {
        if (eligibility != null) {
            return eligibility.acoId();
        }
        return score == null ? null : score.acoId();
    }

    public AcoYear acoYear() {
        String acoId = acoId();
        return acoId == null ? null : new AcoYear(acoId, performanceYear);
    }

    public ParticipantStatus status(CountingRules rules) {
        return ParticipantStatus.of(this, rules);
    }
}
