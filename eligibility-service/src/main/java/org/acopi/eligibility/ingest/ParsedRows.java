package org.acopi.eligibility.ingest;

import java.util.List;

/** What a participant input gave: the events of its good rows, in order, and every bad row with its line and reason. */
public record ParsedRows(List<ParsedEvent<?>> events, List<RowProblem> problems) {

    public ParsedRows {
        events = List.copyOf(events);
        problems = List.copyOf(problems);
    }
}
