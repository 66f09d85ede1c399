package org.acopi.scoring.preview;

import java.util.List;
import org.acopi.scoring.ingest.ParsedDocument;
import org.acopi.scoring.ingest.ParsedSubmission;
import org.acopi.scoring.ingest.QppJsonParser;
import org.acopi.scoring.ingest.Qrda3Parser;
import org.acopi.scoring.ingest.SubmissionChecks;
import org.acopi.scoring.rules.MeasurePart;
import org.acopi.scoring.rules.PiScore;
import org.acopi.scoring.rules.Problem;
import org.acopi.scoring.rules.ScoringRules;
import org.acopi.support.web.ApiErrors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Score preview (design.md §6): {@code POST /api/v1/score-preview} takes a QPP Submissions API submission object
 * ({@code application/json}) or a QRDA Category III document ({@code application/xml}) and answers with the explained
 * PI category score of its PI measurement set under the rules of its performance year (docs/pi-rules.md §2–§5), storing
 * nothing and needing no Kafka. The body is read by the same parsers as {@code POST /api/v1/submissions}; a body
 * with problems is answered 400 with the same shape and every problem code (a document that cannot be parsed at all
 * with its one 3xx problem alone).
 */
@RestController
@RequestMapping("/api/v1")
class ScorePreviewController {

    /** The preview answer; the same explanation that acopi.submission-scores.v1 carries. */
    record PreviewResponse(Integer score, boolean valid, List<Problem> problems, List<String> zeroReasons, int bonus,
                           List<MeasurePart> parts, String rulesVersion, int performanceYear) {
    }

    private final ScoringRules rules;

    ScorePreviewController(ScoringRules rules) {
        this.rules = rules;
    }

    @PostMapping(path = "/score-preview",
            consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PreviewResponse> preview(@RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type,
                                            @RequestBody(required = false) byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        return answer(MediaType.APPLICATION_JSON.isCompatibleWith(type)
                ? QppJsonParser.parseUtf8(QppJsonParser.BODY, bytes)
                : Qrda3Parser.parse(QppJsonParser.BODY, bytes));
    }

    private ResponseEntity<PreviewResponse> answer(ParsedDocument document) {
        if (document.submissions().isEmpty()) {
            return rejected(new PreviewResponse(null, false,
                    document.problems().stream().map(p -> p.problem()).toList(), List.of(), 0, List.of(), null, 0));
        }
        ParsedSubmission submission = document.submissions().get(0);
        SubmissionChecks.Checked checked = SubmissionChecks.check(rules, submission);
        int py = submission.set().performanceYear();
        if (!checked.problems().isEmpty()) {
            String version = rules.supports(py) ? rules.year(py).rulesVersion() : null;
            return rejected(new PreviewResponse(null, false,
                    checked.problems().stream().map(p -> p.problem()).toList(), List.of(), 0, List.of(), version, py));
        }
        PiScore score = checked.score();
        return ResponseEntity.ok(new PreviewResponse(score.score(), true, List.of(), score.zeroReasons(),
                score.bonus(), score.parts(), score.rulesVersion(), score.performanceYear()));
    }

    /** A 400 with every problem, counted under the first problem's code. */
    private static ResponseEntity<PreviewResponse> rejected(PreviewResponse response) {
        ApiErrors.rejected(response.problems().get(0).code());
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(response);
    }
}
