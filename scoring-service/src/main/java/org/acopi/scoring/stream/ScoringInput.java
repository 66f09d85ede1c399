package org.acopi.scoring.stream;

import org.acopi.events.SubmissionScore;
import org.acopi.scoring.rollup.ClinicianStanding;

/** What reaches the per-TIN processor: a submitter's current score of an entity, or a clinician's standing. */
record ScoringInput(SubmissionScore score, ClinicianStanding standing) {

    static ScoringInput of(SubmissionScore score) {
        return new ScoringInput(score, null);
    }

    static ScoringInput of(ClinicianStanding standing) {
        return new ScoringInput(null, standing);
    }
}
