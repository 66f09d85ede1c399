package org.acopi.eligibility.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acopi.contracts.StrictUtf8;
import org.acopi.eligibility.domain.InputProblem;
import org.acopi.eligibility.domain.InputValidator;
import org.acopi.events.AcoProfile;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.HardshipDecision;
import org.acopi.events.RosterEntry;
import org.acopi.support.ingest.BoundedBody;
import org.acopi.support.ingest.IngestMetrics;
import org.acopi.support.ingest.IngestProperties;
import org.acopi.support.ingest.IngestPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/participants/{roster|facts|hardships|aco-profiles}}: ACO operations send a participant input as
 * CSV ({@code text/csv}, the dataset file's columns) or a JSON array; every row is read by {@link ParticipantRows},
 * checked with eligibility-service's own edge rules ({@link InputValidator}: identifiers, PY, snapshot, clinician
 * type of the PY; docs/pi-rules.md §7) and the good rows are published to the input's topic. The answer counts the rows
 * and lists every bad row with its line, code and reason: 200 when any row was published, 422 when none was.
 */
@RestController
@SecurityScheme(name = "submitter", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "the submitter's token from ACOPI_SUBMITTERS (also accepted as X-API-Key)")
class ParticipantIngestController {

    private static final Logger LOG = LoggerFactory.getLogger(ParticipantIngestController.class);
    private static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private final InputValidator validator;
    private final IngestPublisher publisher;
    private final long maxBody;

    ParticipantIngestController(InputValidator validator, IngestPublisher publisher, IngestProperties properties) {
        this.validator = validator;
        this.publisher = publisher;
        this.maxBody = properties.maxBody().toBytes();
    }

    @Operation(summary = "Send roster, clinician facts, hardship or ACO profile rows",
            security = @SecurityRequirement(name = "submitter"),
            requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                            description = "CSV with a header row; columns as in deploy/README.md 'Dataset format'")),
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "array",
                            description = "objects with the CSV columns as fields"))}),
            responses = {
                    @ApiResponse(responseCode = "200", description = "good rows published; counts and every bad row"),
                    @ApiResponse(responseCode = "400", description = "the body is not UTF-8 (INVALID_ENCODING)"),
                    @ApiResponse(responseCode = "401", description = "no or unknown submitter token"),
                    @ApiResponse(responseCode = "404", description = "not one of roster, facts, hardships, aco-profiles"),
                    @ApiResponse(responseCode = "413", description = "body too large, or a row whose event would be over 1 MiB"),
                    @ApiResponse(responseCode = "415", description = "Content-Type not text/csv or application/json"),
                    @ApiResponse(responseCode = "422", description = "no row could be published; every problem"),
                    @ApiResponse(responseCode = "429", description = "over the submitter's rate"),
                    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge; retry")})
    @PostMapping(path = "/api/v1/participants/{input}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> ingest(@PathVariable("input") String segment, HttpServletRequest request,
                                               Principal submitter) throws IOException {
        ParticipantInput input = ParticipantInput.bySegment(segment);
        if (input == null) {
            return error(HttpStatus.NOT_FOUND, segment, "NOT_FOUND", "send roster, facts, hardships or aco-profiles");
        }
        MediaType type = contentType(request);
        boolean json = type != null && MediaType.APPLICATION_JSON.isCompatibleWith(type);
        if (!json && (type == null || !TEXT_CSV.isCompatibleWith(type))) {
            return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, segment, InputProblem.UNSUPPORTED_MEDIA_TYPE,
                    "send text/csv or application/json");
        }
        String text;
        try {
            text = StrictUtf8.decode(BoundedBody.read(request, maxBody));
        } catch (BoundedBody.TooLarge e) {
            return error(HttpStatus.PAYLOAD_TOO_LARGE, segment, InputProblem.PAYLOAD_TOO_LARGE, e.getMessage());
        }
        if (text == null) {
            return error(HttpStatus.BAD_REQUEST, segment, InputProblem.INVALID_ENCODING, "send UTF-8 text");
        }
        ParsedRows rows = json ? ParticipantRows.json(input, "body", text) : ParticipantRows.csv(input, "body", text);
        List<RowProblem> problems = new ArrayList<>(rows.problems());
        List<IngestPublisher.Outgoing<?>> good = new ArrayList<>();
        for (ParsedEvent<?> event : rows.events()) {
            List<InputProblem> invalid = validate(event);
            if (invalid.isEmpty()) {
                good.add(outgoing(event));
            } else {
                invalid.forEach(p -> problems.add(new RowProblem(event.source(), event.line(), p.code(), p.message())));
            }
        }
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        problems.forEach(p -> IngestMetrics.rejected(segment, p.code()));
        if (!good.isEmpty()) {
            try {
                publisher.publish(good);
            } catch (IngestPublisher.TooLarge e) {
                return error(HttpStatus.PAYLOAD_TOO_LARGE, segment, InputProblem.PAYLOAD_TOO_LARGE,
                        e.getMessage() + "; no row was published");
            } catch (IngestPublisher.Unavailable e) {
                return error(HttpStatus.SERVICE_UNAVAILABLE, segment, "KAFKA_UNAVAILABLE",
                        "the rows could not be stored now; send them again (the same rows are the same events)");
            }
            IngestMetrics.accepted(segment, good.size());
            LOG.info("{} {} row(s) from {} published, {} problem(s)", good.size(), segment, submitter.getName(),
                    problems.size());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("input", segment);
        body.put("rows", rows.events().size() + (int) rows.problems().stream().filter(p -> p.line() > 0).count());
        body.put("published", good.size());
        body.put("rejected", problems.size());
        body.put("problems", problems.stream().map(p -> Map.of("line", p.line(), "code", p.code(), "reason", p.reason()))
                .toList());
        return ResponseEntity.status(good.isEmpty() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                .contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private List<InputProblem> validate(ParsedEvent<?> event) {
        Object value = event.value();
        if (value instanceof RosterEntry r) {
            return validator.roster(event.key(), r);
        }
        if (value instanceof ClinicianFacts f) {
            return validator.facts(event.key(), f);
        }
        if (value instanceof HardshipDecision h) {
            return validator.hardship(event.key(), h);
        }
        return validator.acoProfile(event.key(), (AcoProfile) value);
    }

    private static <V> IngestPublisher.Outgoing<V> outgoing(ParsedEvent<V> event) {
        return new IngestPublisher.Outgoing<>(event.topic(), event.key(), event.value());
    }

    private static MediaType contentType(HttpServletRequest request) {
        try {
            return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String segment, String code, String message) {
        IngestMetrics.rejected(segment.matches("[a-z-]{1,20}") ? segment : "unknown", code);
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            builder.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return builder.body(Map.of("error", code, "message", message));
    }
}
