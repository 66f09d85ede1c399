package org.acopi.reporting.console;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.acopi.contracts.Identifiers;
import org.acopi.reporting.ReportingProperties;
import org.acopi.reporting.participants.AcoYear;
import org.acopi.reporting.participants.CountingRules;
import org.acopi.reporting.participants.Participant;
import org.acopi.reporting.web.OperationsExports;
import org.acopi.support.web.ApiErrors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
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
 * The ACO operations console (MSSP PI reporting, 42 CFR 425.507 and 425.308(b)(9), PY2025+), server-rendered HTML:
 * {@code /console} (every ACO and PY), {@code /console/acos/{acoId}/{py}} (one ACO and PY with its at-risk list),
 * {@code .../participants.csv} (the list as shown, every page) and {@code .../clinicians/{npi}?tin=} (one TIN/NPI).
 * The pages are for logins with role {@code operations} (others are sent to the login form); a deployment can remove
 * them with {@code acopi.reporting.console.enabled=false} (then 404). Bad parameters are a 400 page, an unknown ACO,
 * PY or clinician a 404 page.
 */
@RestController
@ConditionalOnProperty(prefix = "acopi.reporting.console", name = "enabled", havingValue = "true", matchIfMissing = true)
class ConsoleController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final int MAX_ACO_ID = 64;

    private final ConsoleData data;
    private final boolean showFullTin;
    private final Clock clock;

    ConsoleController(ConsoleData data, ReportingProperties properties, ObjectProvider<Clock> clock) {
        this.data = data;
        this.showFullTin = properties.showFullTin();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/console")
    ResponseEntity<String> overview() {
        return page(HttpStatus.OK, OverviewPage.render(data.overview(), today()));
    }

    @GetMapping("/console/acos/{acoId}/{performanceYear}")
    ResponseEntity<String> aco(@PathVariable String acoId, @PathVariable String performanceYear,
                               @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                               @RequestParam(required = false) String tin, @RequestParam(required = false) String sort,
                               @RequestParam(required = false) String page) {
        Optional<Rejection> problem = problem(acoId, performanceYear);
        if (problem.isPresent()) {
            return badRequest(problem.get());
        }
        ParticipantListQuery.Either query = ParticipantListQuery.parse(status, q, tin, sort, page);
        if (query.problem() != null) {
            return badRequest(new Rejection("BAD_PARAMETER", query.problem()));
        }
        AcoYear acoYear = acoYear(acoId, performanceYear);
        return data.aco(acoYear)
                .map(detail -> page(HttpStatus.OK, AcoPage.render(detail, query.query(), today(), showFullTin)))
                .orElseGet(() -> notFound(acoYear));
    }

    @GetMapping("/console/acos/{acoId}/{performanceYear}/participants.csv")
    ResponseEntity<String> csv(@PathVariable String acoId, @PathVariable String performanceYear,
                               @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                               @RequestParam(required = false) String tin, @RequestParam(required = false) String sort) {
        Optional<Rejection> problem = problem(acoId, performanceYear);
        if (problem.isPresent()) {
            return badRequest(problem.get());
        }
        ParticipantListQuery.Either query = ParticipantListQuery.parse(status, q, tin, sort, null);
        if (query.problem() != null) {
            return badRequest(new Rejection("BAD_PARAMETER", query.problem()));
        }
        AcoYear acoYear = acoYear(acoId, performanceYear);
        Optional<ConsoleData.AcoDetail> detail = data.aco(acoYear);
        if (detail.isEmpty()) {
            return notFound(acoYear);
        }
        List<Participant> rows = query.query().select(detail.get().participants(), showFullTin);
        String name = OperationsExports.csvFileName(acoYear.performanceYear(),
                query.query().status().name().toLowerCase(Locale.ROOT));
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(OperationsExports.csv(acoYear.acoId(), acoYear.performanceYear(), rows, showFullTin));
    }

    @GetMapping("/console/acos/{acoId}/{performanceYear}/clinicians/{npi}")
    ResponseEntity<String> clinician(@PathVariable String acoId, @PathVariable String performanceYear,
                                     @PathVariable String npi, @RequestParam(required = false) String tin) {
        Optional<Rejection> problem = problem(acoId, performanceYear);
        if (problem.isPresent()) {
            return badRequest(problem.get());
        }
        if (!Identifiers.isNpi(npi)) {
            return badRequest(new Rejection("INVALID_NPI", "the NPI must be 10 digits with a valid check digit"));
        }
        String ref = tin == null ? "" : tin.strip();
        if (!ref.isEmpty() && (ref.length() > 9 || !ref.chars().allMatch(c -> c >= '0' && c <= '9'))) {
            return badRequest(new Rejection("BAD_PARAMETER",
                    "tin must be the last four digits of a TIN (or the whole TIN where full TINs are shown)"));
        }
        AcoYear acoYear = acoYear(acoId, performanceYear);
        List<Participant> matches = data.clinician(acoYear, npi).stream()
                .filter(p -> ref.isEmpty() || TinRefs.matches(p.tin(), ref, showFullTin))
                .toList();
        if (matches.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, ConsoleHtml.problem("Clinician not found", "No TIN/NPI with NPI " + npi
                    + (ref.isEmpty() ? "" : " and a TIN ending " + ref) + " has been received for ACO " + acoId
                    + " and performance year " + acoYear.performanceYear() + "."));
        }
        return page(HttpStatus.OK, ClinicianPage.render(acoYear, data.profile(acoYear).orElse(null), matches, showFullTin));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Why a request is answered 400, with the stable code the JSON APIs give for the same fault. */
    private record Rejection(String code, String message) {
    }

    private static Optional<Rejection> problem(String acoId, String performanceYear) {
        if (acoId == null || acoId.isBlank() || acoId.length() > MAX_ACO_ID) {
            return Optional.of(new Rejection("BAD_ACO_ID", "the ACO id must be 1 to " + MAX_ACO_ID + " characters"));
        }
        String year = performanceYear == null ? "" : performanceYear.strip();
        if (year.length() != 4 || !year.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(new Rejection("BAD_PARAMETER",
                    "the performance year must be a year such as 2026; supported: " + Identifiers.supportedYears()));
        }
        int py = Integer.parseInt(year);
        if (!Identifiers.isSupportedYear(py) || !CountingRules.exists(py)) {
            return Optional.of(new Rejection("UNSUPPORTED_PY",
                    "performance year " + py + " is not supported; supported: " + Identifiers.supportedYears()));
        }
        return Optional.empty();
    }

    private static AcoYear acoYear(String acoId, String performanceYear) {
        return new AcoYear(acoId, Integer.parseInt(performanceYear.strip()));
    }

    private ResponseEntity<String> notFound(AcoYear acoYear) {
        return page(HttpStatus.NOT_FOUND, ConsoleHtml.problem("ACO not found", "No public report has been computed for ACO "
                + acoYear.acoId() + " and performance year " + acoYear.performanceYear()
                + ": no determination or score of it has been received."));
    }

    private static ResponseEntity<String> badRequest(Rejection rejection) {
        ApiErrors.rejected(rejection.code());
        return page(HttpStatus.BAD_REQUEST, ConsoleHtml.problem("Bad request", rejection.message()));
    }

    private static ResponseEntity<String> page(HttpStatus status, String html) {
        return ResponseEntity.status(status).contentType(HTML)
                .header("Content-Security-Policy", ConsoleHtml.CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .cacheControl(CacheControl.noStore())
                .body(html);
    }
}
