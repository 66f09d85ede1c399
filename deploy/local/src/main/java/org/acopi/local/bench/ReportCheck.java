package org.acopi.local.bench;

import java.util.ArrayList;
import java.util.List;
import org.acopi.reporting.publicreport.PublicCounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares a public report as reporting-service serves it ({@code GET /api/v1/acos/{acoId}/public-reports/{py}})
 * with an {@link ExpectedReport}: enforcement, exemption, every count at TIN/NPI and TIN level (including excluded
 * by reason) and the APM entity score's method, score and clinician counts.
 */
public final class ReportCheck {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String[] APM_COUNTS = {"cliniciansCounted", "cliniciansScored", "leftOutReweighted"};

    private ReportCheck() {
    }

    /** Every field that differs, as {@code path: expected X, found Y}; empty when the report is as expected. */
    public static List<String> differences(ExpectedReport expected, JsonNode report) {
        List<String> out = new ArrayList<>();
        compare(out, "enforced", JSON.valueToTree(expected.enforced()), report.path("enforced"));
        compare(out, "exempt", JSON.valueToTree(expected.exempt()), report.path("exempt"));
        counts(out, "providersSuppliers", expected.providersSuppliers(), report.path("providersSuppliers"));
        counts(out, "participants", expected.participants(), report.path("participants"));
        JsonNode apm = report.path("apmEntityScore");
        var want = expected.apmEntityScore();
        compare(out, "apmEntityScore.method", JSON.valueToTree(want.method().name()), apm.path("method"));
        JsonNode score = apm.path("score");
        boolean sameScore = want.score() == null ? score.isMissingNode() || score.isNull()
                : score.isNumber() && Math.abs(score.doubleValue() - want.score()) < 1e-9;
        if (!sameScore) {
            out.add("apmEntityScore.score: expected " + want.score() + ", found " + score);
        }
        int[] wanted = {want.cliniciansCounted(), want.cliniciansScored(), want.leftOutReweighted()};
        for (int i = 0; i < APM_COUNTS.length; i++) {
            compare(out, "apmEntityScore." + APM_COUNTS[i], JSON.valueToTree(wanted[i]), apm.path(APM_COUNTS[i]));
        }
        return out;
    }

    private static void counts(List<String> out, String path, PublicCounts expected, JsonNode found) {
        JsonNode want = JSON.valueToTree(expected);
        want.properties().forEach(e -> compare(out, path + "." + e.getKey(), e.getValue(), found.path(e.getKey())));
    }

    private static void compare(List<String> out, String path, JsonNode expected, JsonNode found) {
        if (!expected.equals(found)) {
            out.add(path + ": expected " + expected + ", found " + (found.isMissingNode() ? "nothing" : found));
        }
    }
}
