package org.acopi.reporting.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.acopi.reporting.ReportingProperties;
import org.acopi.reporting.participants.AcoYear;
import org.acopi.reporting.participants.ParticipantRepository;
import org.acopi.reporting.participants.StatusFilter;
import org.acopi.reporting.publicreport.PublicReports;
import org.acopi.reporting.web.AcoYearParameters.Problem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operations views of an ACO's participants for a PY (design.md §6): {@code GET /api/v1/acos/{acoId}/participants}
 * as JSON, or as CSV with {@code Accept: text/csv} or at {@code .../participants.csv}, filtered by public-reporting
 * status (docs/pi-rules.md §8), for example the TIN/NPIs required to report PI that are not scored yet. Bad parameters are
 * a 400 and an ACO+PY of which nothing was received a 404, both as JSON whatever was asked for.
 */
@RestController
class ParticipantsController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final String NOSNIFF = "nosniff";

    private final ParticipantRepository participants;
    private final PublicReports reports;
    private final boolean showFullTin;

    ParticipantsController(ParticipantRepository participants, PublicReports reports, ReportingProperties properties) {
        this.participants = participants;
        this.reports = reports;
        this.showFullTin = properties.showFullTin();
    }

    @GetMapping(path = "/api/v1/acos/{acoId}/participants", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> json(@PathVariable String acoId, @RequestParam(required = false) String performanceYear,
                           @RequestParam(required = false) String status) {
        return view(acoId, performanceYear, status, (acoYear, filter, rows) -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ParticipantsJson(acoYear.acoId(), acoYear.performanceYear(), filter, rows.size(), rows)));
    }

    @GetMapping(path = "/api/v1/acos/{acoId}/participants.csv")
    ResponseEntity<?> csvFile(@PathVariable String acoId, @RequestParam(required = false) String performanceYear,
                              @RequestParam(required = false) String status) {
        return csv(acoId, performanceYear, status);
    }

    @GetMapping(path = "/api/v1/acos/{acoId}/participants", produces = "text/csv")
    ResponseEntity<?> csv(@PathVariable String acoId, @RequestParam(required = false) String performanceYear,
                          @RequestParam(required = false) String status) {
        return view(acoId, performanceYear, status, (acoYear, filter, rows) -> {
            String filename = "participants-" + acoYear.performanceYear() + "-" + filter.name().toLowerCase(Locale.ROOT) + ".csv";
            return ResponseEntity.ok()
                    .contentType(TEXT_CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                    .header("X-Content-Type-Options", NOSNIFF)
                    .body(ParticipantsCsv.write(acoYear.acoId(), acoYear.performanceYear(), rows));
        });
    }

    private ResponseEntity<?> view(String acoId, String performanceYear, String status, Renderer renderer) {
        Optional<Problem> problem = AcoYearParameters.problem(acoId, performanceYear);
        if (problem.isPresent()) {
            return problem.get().json();
        }
        Optional<StatusFilter> filter = status == null || status.isBlank() ? Optional.of(StatusFilter.ALL) : StatusFilter.parse(status);
        if (filter.isEmpty()) {
            return Problem.badRequest(AcoYearParameters.BAD_PARAMETER,
                    "status must be one of " + String.join(", ", StatusFilter.names()) + " (any case; default ALL)").json();
        }
        AcoYear acoYear = AcoYearParameters.of(acoId, performanceYear);
        List<ParticipantRow> rows = participants.find(acoYear, filter.get()).stream()
                .map(p -> ParticipantRow.of(p, showFullTin))
                .toList();
        if (rows.isEmpty() && !participants.exists(acoYear) && reports.find(acoYear).isEmpty()) {
            return AcoYearParameters.notFound("participants", acoYear).json();
        }
        return renderer.render(acoYear, filter.get(), rows);
    }

    @FunctionalInterface
    private interface Renderer {
        ResponseEntity<?> render(AcoYear acoYear, StatusFilter filter, List<ParticipantRow> rows);
    }

    record ParticipantsJson(String acoId, int performanceYear, StatusFilter status, int count, List<ParticipantRow> participants) {
    }
}
