package org.acopi.scoring.stream;

import java.util.List;
import org.acopi.contracts.EventKeys;
import org.acopi.contracts.Identifiers;
import org.acopi.events.ParticipantEligibility;
import org.acopi.events.PiSubmission;
import org.acopi.events.SubmissionScore;
import org.acopi.scoring.rules.PiScore;
import org.acopi.scoring.rules.Problem;
import org.acopi.scoring.rules.ProblemCode;
import org.acopi.scoring.rules.ProblemList;
import org.acopi.scoring.rules.ScoringRules;
import org.acopi.support.deadletter.DeadLetters;
import org.acopi.support.deadletter.InvalidEventException;

/**
 * The first step after reading each input topic (design.md §4 "validated at the edge"): a PI submission is validated
 * (identifiers, PY, key, docs/pi-rules.md §2.6) and scored; an eligibility record is checked (identifiers, PY, key). A
 * record that fails is thrown out as {@link InvalidEventException}, which service-support routes to the topic's
 * {@code -dlt} with the first problem code as reason and every code as details; it is never scored.
 */
final class EdgeChecks {

    private static final int MESSAGES_IN_DEAD_LETTER = 5;

    private final ScoringRules rules;

    EdgeChecks(ScoringRules rules) {
        this.rules = rules;
    }

    /** The value itself; a record without one (a tombstone) is rejected as {@code MISSING_VALUE}. */
    static <V> V present(V value) {
        if (value == null) {
            throw new InvalidEventException(DeadLetters.REASON_MISSING_VALUE, "the record has no value");
        }
        return value;
    }

    /** The score of a valid submission (or the record of a withdrawal); throws when the submission is rejected. */
    SubmissionScore scoreOrReject(String key, PiSubmission submission) {
        ProblemList problems = new ProblemList();
        if (isBlank(submission.getSubmissionId())) {
            problems.add(ProblemCode.SUBMISSION_ID_MISSING, ProblemCode.SUBMISSION_ID_MISSING.description());
        }
        if (isBlank(submission.getSubmitter())) {
            problems.add(ProblemCode.SUBMITTER_MISSING, ProblemCode.SUBMITTER_MISSING.description());
        }
        var set = EventMapping.measurementSet(submission);
        String entityId = set.entity().entityId();
        if (entityId != null && !EventKeys.submission(submission.getPerformanceYear(), submission.getEntityType(), entityId)
                .equals(key)) {
            problems.add(ProblemCode.KEY_MISMATCH, "the key " + Identifiers.maskKey(key)
                    + " is not {py}:{entityType}:{entityId} of the submission");
        }
        PiScore score = null;
        if (submission.getWithdrawn()) {
            problems.addAll(rules.validateIdentity(set));
        } else {
            score = rules.score(set);
            problems.addAll(score.problems());
        }
        reject(problems.toList(), "PI submission");
        String rulesVersion = rules.year(submission.getPerformanceYear()).rulesVersion();
        return EventMapping.submissionScore(submission, entityId, score, rulesVersion);
    }

    /** The eligibility record itself when its identifiers, PY and key are sound; throws otherwise. */
    ParticipantEligibility checkEligibility(String key, ParticipantEligibility e) {
        ProblemList problems = new ProblemList();
        if (!rules.supports(e.getPerformanceYear())) {
            problems.add(ProblemCode.PERFORMANCE_YEAR_UNSUPPORTED, "PY" + e.getPerformanceYear() + " is not supported");
        }
        if (!Identifiers.isTin(e.getTin())) {
            problems.add(ProblemCode.TIN_INVALID, ProblemCode.TIN_INVALID.description());
        }
        if (!Identifiers.isNpi(e.getNpi())) {
            problems.add(ProblemCode.NPI_INVALID, ProblemCode.NPI_INVALID.description());
        }
        if (isBlank(e.getAcoId())) {
            problems.add(ProblemCode.ENTITY_ID_MISSING, "acoId is missing");
        }
        if (!EventKeys.clinician(e.getPerformanceYear(), e.getTin(), e.getNpi()).equals(key)) {
            problems.add(ProblemCode.KEY_MISMATCH, "the key " + Identifiers.maskKey(key) + " is not {py}:{tin}:{npi} of the value");
        }
        reject(problems.toList(), "participant eligibility");
        return e;
    }

    private static void reject(List<Problem> problems, String what) {
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(what).append(" rejected: ");
        for (int i = 0; i < Math.min(problems.size(), MESSAGES_IN_DEAD_LETTER); i++) {
            Problem p = problems.get(i);
            message.append(i == 0 ? "" : "; ").append(p.number()).append(' ').append(p.code()).append(": ").append(p.message());
        }
        if (problems.size() > MESSAGES_IN_DEAD_LETTER) {
            message.append("; and ").append(problems.size() - MESSAGES_IN_DEAD_LETTER).append(" more");
        }
        throw new InvalidEventException(problems.get(0).code(), message.toString(),
                problems.stream().map(Problem::code).distinct().toList());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
