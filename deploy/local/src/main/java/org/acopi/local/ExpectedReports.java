package org.acopi.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.acopi.local.bench.ExpectedReport;
import org.acopi.local.bench.ReportCheck;

/**
 * The public reports a run expects (from the reference pipeline) against those reporting-service serves: which ACOs
 * do not match yet, and how they differ.
 */
final class ExpectedReports {

    private final List<ExpectedReport> expected;
    private final PublicReports reports = new PublicReports(Service.REPORTING.baseUrl());
    private final List<ExpectedReport> unmatched;
    private final Map<ExpectedReport, List<String>> lastDifferences = new HashMap<>();

    ExpectedReports(List<ExpectedReport> expected) {
        this.expected = List.copyOf(expected);
        this.unmatched = new ArrayList<>(expected);
    }

    /** Reads the reports not matched so far; returns whether every report has matched once. */
    boolean checkUnmatched() {
        unmatched.removeIf(this::matches);
        return unmatched.isEmpty();
    }

    /** Reads every report again; returns how many match now. */
    int checkAll() {
        unmatched.clear();
        for (ExpectedReport report : expected) {
            if (!matches(report)) {
                unmatched.add(report);
            }
        }
        return expected.size() - unmatched.size();
    }

    int total() {
        return expected.size();
    }

    int unmatchedCount() {
        return unmatched.size();
    }

    private boolean matches(ExpectedReport report) {
        List<String> differences = reports.fetch(report.acoYear())
                .map(json -> ReportCheck.differences(report, json)).orElse(List.of("no report yet"));
        lastDifferences.put(report, differences);
        return differences.isEmpty();
    }

    /** The reports not matching at the last check, with up to five differences each for three of them. */
    String mismatch() {
        return unmatched.size() + " public report(s) differ from the expected figures, e.g. "
                + unmatched.stream().limit(3).map(r -> r.acoYear() + ": " + lastDifferences.getOrDefault(r, List.of("not checked yet"))
                        .stream().limit(5).collect(Collectors.joining("; ")))
                .collect(Collectors.joining(" | "));
    }
}
