package org.acopi.scoring.ingest;

import org.acopi.scoring.rules.Problem;
import org.acopi.scoring.rules.ProblemCode;

/**
 * A numbered problem of a submitted document (the catalogue of {@link ProblemCode}, docs/pi-rules.md §2.6) with where it
 * was found: {@code file:line} for QPP Submissions API JSON, an XPath for a QRDA Category III document.
 */
public record LocatedProblem(int number, String code, String message, String location) {

    public static LocatedProblem of(Problem problem, String location) {
        return new LocatedProblem(problem.number(), problem.code(), problem.message(), location);
    }

    static LocatedProblem of(ProblemCode code, String message, String location) {
        return of(code.problem(message), location);
    }

    public Problem problem() {
        return new Problem(number, code, message);
    }

    @Override
    public String toString() {
        return (location == null || location.isEmpty() ? "" : location + ": ") + number + " " + code + ": " + message;
    }
}
