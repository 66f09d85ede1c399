package org.acopi.scoring.ingest;

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
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acopi.contracts.Identifiers;
import org.acopi.contracts.Topics;
import org.acopi.events.PiSubmission;
import org.acopi.scoring.rules.PiScore;
import org.acopi.scoring.rules.ProblemCode;
import org.acopi.scoring.rules.ScoringRules;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/submissions}: a submitter sends one PI submission as a QPP Submissions API submission object
 * ({@code application/json}) or a QRDA Category III document ({@code application/xml}); it is read by the format's
 * parser, checked with the scoring engine's own rules (identifiers, PY, docs/pi-rules.md §2.6) and published to
 * {@code acopi.submissions.v1}, answered like the QPP Submissions API: 201 with the submission id and the score it
 * will get, 422 with every problem, 400 for a document that cannot be read, 413 and 415 for size and type. The
 * submission id is the document's own or derived from submitter and content, so a retry is the same submission.
 */
@RestController
@SecurityScheme(name = "submitter", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "the submitter's token from ACOPI_SUBMITTERS (also accepted as X-API-Key)")
class SubmissionIngestController {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionIngestController.class);
    private static final String ENDPOINT = "submissions";

    private final ScoringRules rules;
    private final IngestPublisher publisher;
    private final long maxBody;
    private final Clock clock;
    private final AcceptedSubmissions accepted = new AcceptedSubmissions();

    SubmissionIngestController(ScoringRules rules, IngestPublisher publisher, IngestProperties properties) {
        this.rules = rules;
        this.publisher = publisher;
        this.maxBody = properties.maxBody().toBytes();
        this.clock = Clock.systemUTC();
    }

    @Operation(summary = "Submit PI data (QPP Submissions API JSON or QRDA Category III)",
            security = @SecurityRequirement(name = "submitter"),
            requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object",
                            description = "a QPP Submissions API submission object with a measurement set of category pi")),
                    @Content(mediaType = MediaType.APPLICATION_XML_VALUE, schema = @Schema(type = "string",
                            description = "a QRDA Category III document (CMS IG) with a Promoting Interoperability section"))}),
            responses = {
                    @ApiResponse(responseCode = "201", description = "published; the submission id and the score it will get"),
                    @ApiResponse(responseCode = "200", description = "the same submission was already accepted; nothing published"),
                    @ApiResponse(responseCode = "400", description = "not JSON or XML, or a document acopi does not read (3xx problem)"),
                    @ApiResponse(responseCode = "401", description = "no or unknown submitter token"),
                    @ApiResponse(responseCode = "413", description = "body too large, or the submission would be an event over 1 MiB (320)"),
                    @ApiResponse(responseCode = "415", description = "Content-Type not application/json or application/xml (321)"),
                    @ApiResponse(responseCode = "422", description = "rejected: every problem with number, code and location"),
                    @ApiResponse(responseCode = "429", description = "over the submitter's rate"),
                    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge; retry")})
    @PostMapping(path = "/api/v1/submissions", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> submit(HttpServletRequest request, Principal submitter) throws IOException {
        MediaType type = contentType(request);
        boolean json = type != null && MediaType.APPLICATION_JSON.isCompatibleWith(type);
        boolean xml = type != null && (MediaType.APPLICATION_XML.isCompatibleWith(type) || MediaType.TEXT_XML.isCompatibleWith(type));
        if (!json && !xml) {
            return rejected(HttpStatus.UNSUPPORTED_MEDIA_TYPE, List.of(LocatedProblem.of(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                    "send application/json (QPP Submissions API) or application/xml (QRDA Category III)", "body")));
        }
        byte[] body;
        try {
            body = BoundedBody.read(request, maxBody);
        } catch (BoundedBody.TooLarge e) {
            return rejected(HttpStatus.PAYLOAD_TOO_LARGE, List.of(LocatedProblem.of(ProblemCode.PAYLOAD_TOO_LARGE,
                    e.getMessage(), "body")));
        }
        ParsedDocument document = json ? QppJsonParser.parseUtf8(QppJsonParser.BODY, body) : Qrda3Parser.parse(QppJsonParser.BODY, body);
        if (document.submissions().isEmpty()) {
            boolean tooLarge = document.problems().get(0).number() == ProblemCode.PAYLOAD_TOO_LARGE.number();
            return rejected(tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST, document.problems());
        }
        ParsedSubmission parsed = document.submissions().get(0);
        SubmissionChecks.Checked checked = SubmissionChecks.check(rules, parsed);
        List<LocatedProblem> problems = new java.util.ArrayList<>(checked.problems());
        if (parsed.submitter() != null && !parsed.submitter().equals(submitter.getName())) {
            problems.add(LocatedProblem.of(ProblemCode.SUBMITTER_MISSING,
                    "submitter in the document is not the authenticated submitter; leave it out", parsed.location()));
        }
        if (!problems.isEmpty()) {
            return rejected(HttpStatus.UNPROCESSABLE_CONTENT, problems);
        }
        PiSubmission event = SubmissionEvents.fromRequest(parsed, submitter.getName(), clock.instant());
        String key = SubmissionEvents.key(event, parsed);
        Object earlier = accepted.answerOf(event.getSubmissionId());
        if (earlier != null) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(duplicate(earlier));
        }
        try {
            publisher.publish(List.of(new IngestPublisher.Outgoing<>(Topics.SUBMISSIONS, key, event)));
        } catch (IngestPublisher.TooLarge e) {
            return rejected(HttpStatus.PAYLOAD_TOO_LARGE, List.of(LocatedProblem.of(ProblemCode.PAYLOAD_TOO_LARGE,
                    e.getMessage(), "body")));
        } catch (IngestPublisher.Unavailable e) {
            IngestMetrics.rejected(ENDPOINT, "KAFKA_UNAVAILABLE");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", Map.of("type", "ServiceUnavailable", "code", "KAFKA_UNAVAILABLE",
                            "message", "the submission could not be stored now; send it again")));
        }
        IngestMetrics.accepted(ENDPOINT, 1);
        LOG.info("submission {} from {} published for {} ({})", event.getSubmissionId(), submitter.getName(),
                Identifiers.maskKey(key), json ? "QPP JSON" : "QRDA III");
        Map<String, Object> answer = answer(event, checked.score(), json ? "qpp-json" : "qrda3");
        accepted.remember(event.getSubmissionId(), answer);
        return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    private static MediaType contentType(HttpServletRequest request) {
        try {
            return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, Object> answer(PiSubmission event, PiScore score, String format) {
        Map<String, Object> submission = new LinkedHashMap<>();
        submission.put("id", event.getSubmissionId());
        submission.put("submitter", event.getSubmitter());
        submission.put("entityType", event.getEntityType().name());
        submission.put("performanceYear", event.getPerformanceYear());
        submission.put("submittedAt", event.getSubmittedAt().toString());
        submission.put("withdrawn", event.getWithdrawn());
        submission.put("format", format);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("submission", submission);
        if (score != null) {
            Map<String, Object> scored = new LinkedHashMap<>();
            scored.put("score", score.score());
            scored.put("bonus", score.bonus());
            scored.put("zeroReasons", score.zeroReasons());
            scored.put("parts", score.parts());
            scored.put("rulesVersion", score.rulesVersion());
            data.put("score", scored);
        }
        return Map.of("data", data);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> duplicate(Object earlier) {
        Map<String, Object> data = new LinkedHashMap<>((Map<String, Object>) ((Map<String, Object>) earlier).get("data"));
        data.put("duplicate", true);
        return Map.of("data", data);
    }

    private static ResponseEntity<Map<String, Object>> rejected(HttpStatus status, List<LocatedProblem> problems) {
        IngestMetrics.rejected(ENDPOINT, problems.get(0).code());
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", status == HttpStatus.UNPROCESSABLE_CONTENT ? "ValidationError" : "InvalidRequest");
        error.put("code", problems.get(0).code());
        error.put("message", problems.size() + " problem(s); see details");
        error.put("details", problems);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", error));
    }
}
