package org.acopi.scoring.stream;

import org.acopi.scoring.rollup.ApmEntityRollup;
import org.acopi.scoring.rollup.EntitySubmissionScores;

/**
 * What the roll-up keeps per {acoId}:{py}: the running sums of its clinicians' contributions (null until the first
 * clinician arrives; no APM entity score is published before) and the current APM_ENTITY submission score per
 * submitter.
 */
record ApmEntityState(ApmEntityRollup rollup, EntitySubmissionScores submissions) {

    ApmEntityState with(ApmEntityChange change) {
        if (change.isSubmission()) {
            return new ApmEntityState(rollup, submissions.with(change.submitter(), change.submission()));
        }
        ApmEntityRollup next = rollup != null ? rollup : ApmEntityRollup.empty(change.acoId(), change.performanceYear());
        if (change.previous() != null) {
            next = next.subtract(change.previous());
        }
        if (change.next() != null) {
            next = next.add(change.next());
        }
        return new ApmEntityState(next, submissions);
    }
}
