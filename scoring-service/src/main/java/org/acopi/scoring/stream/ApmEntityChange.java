package org.acopi.scoring.stream;

import org.acopi.scoring.rollup.EntitySubmissionScores.SubmitterScore;
import org.acopi.scoring.rollup.RollupContribution;

/**
 * One change to an ACO's APM entity score, keyed {acoId}:{py} on its way to the roll-up: a clinician's contribution
 * replaced ({@code previous} subtracted, {@code next} added; either null when the clinician enters or leaves the ACO),
 * or a submitter's current APM_ENTITY submission score ({@code submission} null when withdrawn).
 */
record ApmEntityChange(String acoId, int performanceYear, RollupContribution previous, RollupContribution next,
                       String submitter, SubmitterScore submission) {

    static ApmEntityChange contribution(String acoId, int performanceYear, RollupContribution previous, RollupContribution next) {
        return new ApmEntityChange(acoId, performanceYear, previous, next, null, null);
    }

    static ApmEntityChange submission(String acoId, int performanceYear, String submitter, SubmitterScore score) {
        return new ApmEntityChange(acoId, performanceYear, null, null, submitter, score);
    }

    boolean isSubmission() {
        return submitter != null;
    }
}
