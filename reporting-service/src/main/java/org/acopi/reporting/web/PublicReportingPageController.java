package org.acopi.reporting.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.acopi.reporting.acoprofile.AcoProfileRepository;
import org.acopi.reporting.participants.AcoYear;
import org.acopi.reporting.publicreport.PublicReports;
import org.acopi.reporting.web.AcoYearParameters.Problem;
import org.acopi.support.web.ApiErrors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /acos/{acoId}/public-reporting/{performanceYear}}: the server-rendered public-reporting page of an ACO
 * for a PY (42 CFR 425.308(b)(9); docs/pi-rules.md §8), ready to publish on the ACO's public-reporting web page, headed
 * with the ACO's legal name from its profile (its id while no profile has been received). Every answer is a small HTML
 * page (a 400 for bad parameters is JSON only when HTML is not acceptable to the client), sent with a
 * Content-Security-Policy that allows the inline style and nothing else, and {@code nosniff}.
 */
@RestController
class PublicReportingPageController {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final PublicReports reports;
    private final AcoProfileRepository profiles;

    PublicReportingPageController(PublicReports reports, AcoProfileRepository profiles) {
        this.reports = reports;
        this.profiles = profiles;
    }

    @GetMapping(path = "/acos/{acoId}/public-reporting/{performanceYear}")
    ResponseEntity<?> page(@PathVariable String acoId, @PathVariable String performanceYear,
                           @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        Optional<Problem> problem = AcoYearParameters.problem(acoId, performanceYear);
        if (problem.isPresent()) {
            if (!acceptsHtml(accept)) {
                return problem.get().json();
            }
            ApiErrors.rejected(problem.get().code());
            return html(HttpStatus.BAD_REQUEST, PublicReportingPage.badRequest(problem.get().message()));
        }
        AcoYear acoYear = AcoYearParameters.of(acoId, performanceYear);
        return reports.find(acoYear)
                .map(report -> html(HttpStatus.OK,
                        PublicReportingPage.render(report, profiles.find(acoYear).orElse(null))))
                .orElseGet(() -> html(HttpStatus.NOT_FOUND, PublicReportingPage.notFound(acoId, acoYear.performanceYear())));
    }

    private static ResponseEntity<String> html(HttpStatus status, String page) {
        return ResponseEntity.status(status).contentType(HTML)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .body(page);
    }

    private static boolean acceptsHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            List<MediaType> acceptable = MediaType.parseMediaTypes(accept);
            return acceptable.stream().anyMatch(type -> type.includes(MediaType.TEXT_HTML));
        } catch (InvalidMediaTypeException e) {
            return true;
        }
    }
}
