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

    /** The participant with the update's part replacing its own (a first update creates it). */
    public static Participant updated(Participant stored, ParticipantUpdate update) {
        EligibilityPart eligibility = update.isEligibility() ? update.eligibility() : stored == null ? null : stored.eligibility();
        ScorePart score = update.isEligibility() ? stored == null ? null : stored.score() : update.score();
        return new Participant(update.participantId(), update.performanceYear(), update.tin(), update.npi(), eligibility, score);
    }

    /** The stored version of the part the update carries, or null when that part has not arrived yet. */
    public SourceVersion storedVersionOf(ParticipantUpdate update) {
        if (update.isEligibility()) {
            return eligibility == null ? null : eligibility.version();
        }
        return score == null ? null : score.version();
    }

    /** Whether both say the same, whatever records they came from (a re-sent identical event changes nothing). */
    public boolean sameContentAs(Participant other) {
        return other != null && withoutVersions().equals(other.withoutVersions());
    }

    private Participant withoutVersions() {
        return new Participant(id, performanceYear, tin, npi, eligibility == null ? null : eligibility.withVersion(null),
                score == null ? null : score.withVersion(null));
    }

    public ParticipantStatus status(CountingRules rules) {
        return ParticipantStatus.of(this, rules);
    }
}
