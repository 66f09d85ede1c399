package org.acopi.reporting.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.acopi.reporting.ReportingProperties;
import org.acopi.reporting.participants.AcoYear;
import org.acopi.reporting.participants.ParticipantRepository;
import org.acopi.reporting.participants.StatusFilter;
import org.acopi.support.web.ApiErrors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operations views of an ACO's participants for a PY (design.md §6): {@code GET /api/v1/acos/{acoId}/participants}
 * as JSON, or as CSV with {@code Accept: text/csv} or at {@code .../participants.csv}, filtered by public-reporting
 * status (pi-rules.md §8), for example the TIN/NPIs required to report PI that are not scored yet.
 */
@RestController
class ParticipantsController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ParticipantRepository participants;
    private final boolean showFullTin;

    ParticipantsController(ParticipantRepository participants, ReportingProperties properties) {
        this.participants = participants;
        this.showFullTin = properties.showFullTin();
    }

    @GetMapping(path = "/api/v1/acos/{acoId}/participants", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> json(@PathVariable String acoId, @RequestParam int performanceYear,
                           @RequestParam(defaultValue = "ALL") StatusFilter status) {
        Optional<ResponseEntity<?>> problem = problem(acoId, performanceYear);
        if (problem.isPresent()) {
            return problem.get();
        }
        List<ParticipantRow> rows = rows(acoId, performanceYear, status);
        return ResponseEntity.ok(new ParticipantsJson(acoId, performanceYear, status, rows.size(), rows));
    }

    @GetMapping(path = "/api/v1/acos/{acoId}/participants.csv")
    ResponseEntity<?> csvFile(@PathVariable String acoId, @RequestParam int performanceYear,
                              @RequestParam(defaultValue = "ALL") StatusFilter status) {
        return csv(acoId, performanceYear, status);
    }

    @GetMapping(path = "/api/v1/acos/{acoId}/participants", produces = "text/csv")
    ResponseEntity<?> csv(@PathVariable String acoId, @RequestParam int performanceYear,
                          @RequestParam(defaultValue = "ALL") StatusFilter status) {
        Optional<ResponseEntity<?>> problem = problem(acoId, performanceYear);
        if (problem.isPresent()) {
            return problem.get();
        }
        String filename = "participants-" + performanceYear + "-" + status.name().toLowerCase(Locale.ROOT) + ".csv";
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(ParticipantsCsv.write(acoId, performanceYear, rows(acoId, performanceYear, status)));
    }

    private List<ParticipantRow> rows(String acoId, int performanceYear, StatusFilter status) {
        return participants.find(new AcoYear(acoId, performanceYear), status).stream()
                .map(p -> ParticipantRow.of(p, showFullTin))
                .toList();
    }

    private static Optional<ResponseEntity<?>> problem(String acoId, int performanceYear) {
        return AcoYearParameters.problem(acoId, performanceYear)
                .map(p -> ApiErrors.body(HttpStatus.BAD_REQUEST, p[0], p[1]));
    }

    record ParticipantsJson(String acoId, int performanceYear, StatusFilter status, int count, List<ParticipantRow> participants) {
    }
}
