package org.acopi.reporting.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The CSV export of an operations view (RFC 4180, one header line, one TIN/NPI per line). */
final class ParticipantsCsv {

    private static final List<String> HEADER = List.of("acoId", "performanceYear", "tin", "npi", "rosterStatus", "counted",
            "required", "excluded", "scored", "earnedPiScore", "metRequirementNotExcluded", "excludedVoluntarilyReported",
            "requiredNotScored", "determinationPending", "decidingReason", "reasonCodes", "reweighting", "qpStatus",
            "clinicianType", "finalScore", "scoreSource", "snapshot", "notCountedNote", "explanation");

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-][0-9]+(\\.[0-9]+)?");

    private ParticipantsCsv() {
    }

    static String write(String acoId, int performanceYear, List<ParticipantRow> rows) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        for (ParticipantRow r : rows) {
            line(csv, List.of(acoId, Integer.toString(performanceYear), r.tin(), r.npi(), text(r.rosterStatus()),
                    bool(r.counted()), bool(r.required()), bool(r.excluded()), bool(r.scored()), bool(r.earnedPiScore()),
                    bool(r.metRequirementNotExcluded()), bool(r.excludedVoluntarilyReported()), bool(r.requiredNotScored()),
                    bool(r.determinationPending()), text(r.decidingReason()), String.join(";", r.reasonCodes()),
                    text(r.reweighting()), text(r.qpStatus()), text(r.clinicianType()),
                    r.finalScore() == null ? "" : String.format(Locale.ROOT, "%.2f", r.finalScore()),
                    text(r.scoreSource()), r.snapshot() == null ? "" : r.snapshot().toString(), text(r.notCountedNote()),
                    text(r.explanation())));
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /**
     * Quotes as RFC 4180 requires, and defuses a cell a spreadsheet could read as a formula (a leading {@code = + - @},
     * tab or carriage return; OWASP CSV injection) with a leading {@code '}, except a plain signed number.
     */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && FORMULA_STARTS.indexOf(v.charAt(0)) >= 0 && !SIGNED_NUMBER.matcher(v).matches()) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static String bool(boolean b) {
        return Boolean.toString(b);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
