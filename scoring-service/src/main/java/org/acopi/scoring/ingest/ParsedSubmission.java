package org.acopi.scoring.ingest;

import java.time.Instant;
import java.util.List;
import org.acopi.scoring.rules.PiMeasurementSet;

/**
 * One PI submission read from a QPP Submissions API object or a QRDA Category III document, before acopi's own
 * fields are defaulted: the measurement set, the optional {@code submitter}, {@code submissionId},
 * {@code submittedAt} and {@code withdrawn} the document states, a stable text of its content ({@code identity}, from
 * which default ids are derived), where it starts and the shape problems found. What could be read is kept even when
 * there are problems, so that the scoring rules can report everything else at once.
 */
public record ParsedSubmission(PiMeasurementSet set, String submitter, String submissionId, Instant submittedAt,
                               boolean withdrawn, String identity, String location, List<LocatedProblem> problems) {

    public ParsedSubmission {
        problems = List.copyOf(problems);
    }

    /** True when the document could be read into a complete submission (the rules may still reject it). */
    public boolean readable() {
        return problems.isEmpty();
    }

    ParsedSubmission withProblems(List<LocatedProblem> more) {
        List<LocatedProblem> all = new java.util.ArrayList<>(problems);
        all.addAll(more);
        return new ParsedSubmission(set, submitter, submissionId, submittedAt, withdrawn, identity, location, all);
    }
}
