package org.acopi.scoring.stream;

import org.acopi.events.ApmEntityScore;
import org.acopi.events.EntityType;
import org.acopi.scoring.rollup.ApmEntityRollup;
import org.acopi.scoring.rollup.EntitySubmissionScores;
import org.acopi.scoring.rules.ScoringRules;

/**
 * What the APM entity roll-up keeps per {acoId}:{py} (docs/pi-rules.md §6.3): the running sums of its clinicians'
 * contributions, each change applied as sent (stored previous subtracted, new added: O(1), never a pass over the
 * ACO; null until the first clinician arrives, and no APM entity score is published before), and the current
 * APM_ENTITY submission score per submitter, which wins over the roll-up when there is one.
 */
record ApmEntityState(ApmEntityRollup rollup, EntitySubmissionScores submissions) {

    static ApmEntityState empty() {
        return new ApmEntityState(null, EntitySubmissionScores.empty());
    }

    /** The APM entity score of this state under its PY's rules (a roll-up must be present). */
    ApmEntityScore score(ScoringRules rules) {
        var year = rules.year(rollup.performanceYear());
        return EventMapping.apmEntityScore(rollup,
                rollup.result(ClinicianLevels.candidate(EntityType.APM_ENTITY, submissions), year.apmEntityRollup()),
                year.rulesVersion());
    }

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
