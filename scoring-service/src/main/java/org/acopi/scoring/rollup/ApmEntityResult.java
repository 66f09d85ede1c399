package org.acopi.scoring.rollup;

import java.util.List;
import org.acopi.events.ApmEntityScoreMethod;

/**
 * An ACO's APM entity PI score for a PY (docs/pi-rules.md §6.3): how it was reached, the score (null when reweighted), the
 * clinicians counted, scored and left out as reweighted, the entity submission when it decided, and the formula.
 */
public record ApmEntityResult(ApmEntityScoreMethod method, Double score, int cliniciansCounted, int cliniciansScored,
                              int leftOutReweighted, String entitySubmissionId, String formula, List<String> reasonCodes) {

    public ApmEntityResult {
        reasonCodes = List.copyOf(reasonCodes);
    }
}
