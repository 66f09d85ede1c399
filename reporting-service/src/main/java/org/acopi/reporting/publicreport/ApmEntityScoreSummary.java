package org.acopi.reporting.publicreport;

import java.util.List;
import org.acopi.reporting.participants.SourceVersion;

/**
 * An ACO's APM entity PI score for a PY as scoring-service published it (docs/pi-rules.md §6.3, §11.4 item 5): the
 * entity-level submission's score, the per-clinician roll-up, or reweighted (no score).
 */
public record ApmEntityScoreSummary(
        String acoId,
        int performanceYear,
        String method,
        Double score,
        int cliniciansCounted,
        int cliniciansScored,
        int leftOutReweighted,
        String entitySubmissionId,
        String formula,
        List<String> reasonCodes,
        String rulesVersion,
        SourceVersion version) {

    public ApmEntityScoreSummary {
        reasonCodes = List.copyOf(reasonCodes);
        formula = formula == null ? "" : formula;
    }
}
