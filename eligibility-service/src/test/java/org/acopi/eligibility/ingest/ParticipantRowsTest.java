package org.acopi.eligibility.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.acopi.events.HardshipDecision;
import org.acopi.events.HardshipLevel;
import org.acopi.events.RosterEntry;
import org.junit.jupiter.api.Test;

/** Participant inputs as CSV or JSON: header checks, every bad row with line and code, good rows kept. */
class ParticipantRowsTest {

    private static final String ROSTER = """
            # a comment line
            acoId,performanceYear,tin,npi,clinicianType,snapshot,status
            A1,2026,111111111,1000000012,PHYSICIAN,3,ACTIVE

            "A1", 2026 ,111111111,1000000038,"PHYSICIAN",3,ACTIVE
            A1,2026,11111111,1000000046,PHYSICIAN,3,ACTIVE
            A1,2026,111111111,1000000046,PHYSICIAN,3
            """;

    @Test
    void csvKeepsGoodRowsAndReportsBadOnesWithLineAndCode() {
        ParsedRows rows = ParticipantRows.csv(ParticipantInput.ROSTER, "roster.csv", ROSTER);

        assertThat(rows.events()).extracting(ParsedEvent::key, ParsedEvent::line)
                .containsExactly(tuple("2026:111111111:1000000012", 3), tuple("2026:111111111:1000000038", 5));
        assertThat(rows.problems()).extracting(RowProblem::line, RowProblem::code)
                .containsExactly(tuple(6, "INVALID_TIN"), tuple(7, "CSV_FIELD_COUNT"));
        assertThat(rows.problems()).allSatisfy(p -> assertThat(p.toString()).doesNotContain("11111111,"));
    }

    @Test
    void sameRowsGiveTheSameEventIds() {
        RosterEntry first = (RosterEntry) ParticipantRows.csv(ParticipantInput.ROSTER, "body", ROSTER).events().get(0).value();
        RosterEntry again = (RosterEntry) ParticipantRows.csv(ParticipantInput.ROSTER, "body", ROSTER).events().get(0).value();

        assertThat(again.getEventId()).isEqualTo(first.getEventId());
        assertThat(again).isEqualTo(first);
    }

    @Test
    void headerMissingAColumnRejectsTheInputAndUnknownColumnsAreReported() {
        assertThat(ParticipantRows.csv(ParticipantInput.ROSTER, "body", "acoId,performanceYear,tin\nA1,2026,111111111\n")
                .problems()).extracting(RowProblem::line, RowProblem::code).containsExactly(tuple(1, "CSV_MISSING_COLUMNS"));
        assertThat(ParticipantRows.csv(ParticipantInput.HARDSHIPS, "body",
                "performanceYear,tin,npi,basis,status,colour\n2026,111111111,*,CEHRT_NOT_AVAILABLE,APPROVED,blue\n").problems())
                .extracting(RowProblem::code).containsExactly("CSV_UNKNOWN_COLUMN");
        assertThat(ParticipantRows.csv(ParticipantInput.ROSTER, "body", "").problems())
                .extracting(RowProblem::code).containsExactly("CSV_MISSING_COLUMNS");
    }

    @Test
    void hostileCsvIsAProblemNotACrash() {
        String unterminated = "performanceYear,tin,npi,basis,status\n2026,111111111,*,\"CEHRT_NOT_AVAILABLE,APPROVED\n";
        assertThat(ParticipantRows.csv(ParticipantInput.HARDSHIPS, "body", unterminated).problems())
                .extracting(RowProblem::line, RowProblem::code).containsExactly(tuple(2, "CSV_MALFORMED"));
        assertThat(ParticipantRows.csv(ParticipantInput.HARDSHIPS, "body", "tin,tin\n1,2\n").problems())
                .extracting(RowProblem::code).containsExactly("CSV_MALFORMED");
        String binary = "\u0000\u0001\u0002,\"\u0000";
        assertThat(ParticipantRows.csv(ParticipantInput.HARDSHIPS, "body", binary).events()).isEmpty();
    }

    @Test
    void aCellThatASpreadsheetWouldRunIsRefusedButASignedNumberIsData() {
        String csv = """
                acoId,performanceYear,legalName,program,track,allFqhcRhc,publicReportingUrl
                A1,2026,"=HYPERLINK(""http://x"")",MSSP,ENHANCED,false,
                A2,2026,@SUM(A1),MSSP,ENHANCED,false,
                A3,-2026,Plain ACO,MSSP,ENHANCED,false,
                """;
        ParsedRows rows = ParticipantRows.csv(ParticipantInput.ACO_PROFILES, "body", csv);
        assertThat(rows.problems()).extracting(RowProblem::line, RowProblem::code)
                .containsExactly(tuple(2, "CSV_FORMULA"), tuple(3, "CSV_FORMULA"), tuple(4, "UNSUPPORTED_PY"));
        assertThat(rows.events()).isEmpty();
    }

    @Test
    void jsonArrayUsesTheSameColumnsAndChecks() {
        ParsedRows rows = ParticipantRows.json(ParticipantInput.HARDSHIPS, "body", """
                [
                  {"performanceYear": 2026, "tin": "111111111", "npi": "*", "basis": "CEHRT_NOT_AVAILABLE", "status": "APPROVED"},
                  {"performanceYear": 2026, "tin": "111111111", "npi": "1000000012", "basis": "FLOOD", "status": "APPROVED"},
                  7
                ]""");

        assertThat(rows.events()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("2026:111111111:*");
            assertThat(((HardshipDecision) e.value()).getLevel()).isEqualTo(HardshipLevel.TIN);
        });
        assertThat(rows.problems()).extracting(RowProblem::line, RowProblem::code)
                .containsExactly(tuple(3, "INVALID_VALUE"), tuple(4, "INVALID_JSON"));
        assertThat(ParticipantRows.json(ParticipantInput.ROSTER, "body", "{\"a\": 1}").problems())
                .extracting(RowProblem::code).containsExactly("INVALID_JSON");
        assertThat(ParticipantRows.json(ParticipantInput.ROSTER, "body", "[" + "[".repeat(10_000)).problems())
                .extracting(RowProblem::code).containsExactly("INVALID_JSON");
    }
}
