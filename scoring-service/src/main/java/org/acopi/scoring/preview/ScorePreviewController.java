package org.acopi.scoring.preview;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.acopi.scoring.rules.MeasurePart;
import org.acopi.scoring.rules.PiScore;
import org.acopi.scoring.rules.Problem;
import org.acopi.scoring.rules.ProblemCode;
import org.acopi.scoring.rules.ProblemList;
import org.acopi.scoring.rules.ScoringRules;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Score preview (design.md §6): {@code POST /api/v1/score-preview} takes a QPP Submissions API submission object and
 * answers with the explained PI category score of its {@code pi} measurement set under the rules of its performance
 * year (docs/pi-rules.md §2–§5), storing nothing and needing no Kafka. A submission with problems is answered 400 with the
 * same body shape and every problem code. The body is taken as text and parsed here, so that an empty body or JSON
 * that does not parse is answered in that shape too, with problem 301 alone (there is nothing to validate).
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

    @PostMapping(path = "/score-preview", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PreviewResponse> preview(@RequestBody(required = false) String submission) {
        QppSubmissionJson.Result read = QppSubmissionJson.parse(submission);
        boolean notJson = read.problems().stream().anyMatch(p -> p.number() == ProblemCode.NOT_JSON.number());
        PiScore score = notJson ? null : rules.score(read.set());
        List<Problem> problems = merge(read.problems(), score == null ? List.of() : score.problems());
        if (!problems.isEmpty()) {
            String version = rules.supports(read.set().performanceYear())
                    ? rules.year(read.set().performanceYear()).rulesVersion() : null;
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new PreviewResponse(null, false, problems, List.of(),
                    0, List.of(), version, read.set().performanceYear()));
        }
        return ResponseEntity.ok(new PreviewResponse(score.score(), true, List.of(), score.zeroReasons(),
                score.bonus(), score.parts(), score.rulesVersion(), score.performanceYear()));
    }

    /**
     * Shape problems first; a rule problem that only repeats a shape problem (same field unreadable) is left out. Both
     * lists are complete, so the one cap (docs/pi-rules.md §2.6) counts every problem left unlisted.
     */
    private static List<Problem> merge(List<Problem> shape, List<Problem> rules) {
        Set<Integer> numbers = new HashSet<>();
        shape.forEach(p -> numbers.add(p.number()));
        List<Problem> merged = new ArrayList<>(shape);
        for (Problem p : rules) {
            boolean repeatsShape = numbers.contains(p.number())
                    || (p.number() == ProblemCode.PERFORMANCE_PERIOD_MISSING.number()
                    && numbers.contains(ProblemCode.DATE_FORMAT.number()));
            if (!repeatsShape) {
                merged.add(p);
            }
        }
        return ProblemList.capped(merged);
    }
}
