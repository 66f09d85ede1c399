package org.acopi.reporting.participants;

import java.util.List;

/**
 * A rostered clinician's final PI score as scoring-service computed it: the highest of its individual, group, virtual
 * group and APM entity scores (docs/pi-rules.md §6.3, §11.2, PY2025+). {@code scored} is the producer's statement that a PI
 * category score was earned; a reported score of 0 is scored (docs/pi-rules.md §8).
 */
public record ScorePart(
        String acoId,
        String rosterStatus,
        boolean scored,
        Double finalScore,
        String source,
        List<String> contributingSubmissionIds,
        List<CandidateScore> candidates,
        List<String> reasonCodes,
        String rulesVersion,
        SourceVersion version) {

    public ScorePart {
        contributingSubmissionIds = List.copyOf(contributingSubmissionIds);
        candidates = List.copyOf(candidates);
        reasonCodes = List.copyOf(reasonCodes);
    }

    public ScorePart withVersion(SourceVersion other) {
        return new ScorePart(acoId, rosterStatus, scored, finalScore, source, contributingSubmissionIds, candidates,
                reasonCodes, rulesVersion, other);
    }

    public boolean active() {
        return EligibilityPart.ACTIVE.equals(rosterStatus);
    }
}
