package org.acopi.scoring.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * What a submission parser read from one document: its submissions (one per QPP submission object or QRDA III
 * document) and the problems of the document as a whole (not JSON, not XML, a DOCTYPE, no submission). Parsers never
 * throw on bad input: everything wrong is a numbered, located problem here or on a submission.
 */
public record ParsedDocument(List<ParsedSubmission> submissions, List<LocatedProblem> problems) {

    public ParsedDocument {
        submissions = List.copyOf(submissions);
        problems = List.copyOf(problems);
    }

    static ParsedDocument failed(LocatedProblem problem) {
        return new ParsedDocument(List.of(), List.of(problem));
    }

    /** The document's problems followed by every submission's, in document order. */
    public List<LocatedProblem> allProblems() {
        List<LocatedProblem> all = new ArrayList<>(problems);
        submissions.forEach(s -> all.addAll(s.problems()));
        return all;
    }
}
