package org.acopi.reporting.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.acopi.reporting.publicreport.PublicReports;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /acos/{acoId}/public-reporting/{performanceYear}}: the server-rendered public-reporting page of an ACO
 * for a PY (42 CFR 425.308(b)(9); pi-rules.md §8), ready to publish on the ACO's public-reporting web page.
 */
@RestController
class PublicReportingPageController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final PublicReports reports;

    PublicReportingPageController(PublicReports reports) {
        this.reports = reports;
    }

    @GetMapping(path = "/acos/{acoId}/public-reporting/{performanceYear}")
    ResponseEntity<String> page(@PathVariable String acoId, @PathVariable int performanceYear) {
        Optional<String[]> problem = AcoYearParameters.problem(acoId, performanceYear);
        if (problem.isPresent()) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(HTML)
                    .body(PublicReportingPage.badRequest(problem.get()[1]));
        }
        return reports.find(AcoYearParameters.of(acoId, performanceYear))
                .map(report -> ResponseEntity.ok().contentType(HTML).body(PublicReportingPage.render(report)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(HTML)
                        .body(PublicReportingPage.notFound(acoId, performanceYear)));
    }
}
