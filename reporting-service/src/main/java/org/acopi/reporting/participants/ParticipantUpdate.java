package org.acopi.reporting.participants;

import java.util.Objects;

/** One received part of a participant: a new MSSP PI determination or a new final PI score of a TIN/NPI. */
public record ParticipantUpdate(int performanceYear, String tin, String npi, EligibilityPart eligibility, ScorePart score) {

    public ParticipantUpdate {
        if ((eligibility == null) == (score == null)) {
            throw new IllegalArgumentException("an update carries exactly one part");
        }
        Objects.requireNonNull(tin);
        Objects.requireNonNull(npi);
    }

    public static ParticipantUpdate of(int performanceYear, String tin, String npi, EligibilityPart eligibility) {
        return new ParticipantUpdate(performanceYear, tin, npi, eligibility, null);
    }

    public static ParticipantUpdate of(int performanceYear, String tin, String npi, ScorePart score) {
        return new ParticipantUpdate(performanceYear, tin, npi, null, score);
    }

    public String participantId() {
        return Participant.id(performanceYear, tin, npi);
    }

    public SourceVersion version() {
        return eligibility != null ? eligibility.version() : score.version();
    }

    public boolean isEligibility() {
        return eligibility != null;
    }
}
