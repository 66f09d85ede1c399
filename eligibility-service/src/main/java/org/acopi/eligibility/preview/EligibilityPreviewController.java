package org.acopi.eligibility.preview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acopi.contracts.ReasonCatalogue.Reason;
import org.acopi.eligibility.domain.EligibilityDecider;
import org.acopi.eligibility.domain.EligibilityInputs;
import org.acopi.eligibility.domain.EligibilityRules;
import org.acopi.eligibility.domain.InputProblem;
import org.acopi.eligibility.domain.InputValidator;
import org.acopi.eligibility.domain.PyEligibilityRules;
import org.acopi.events.ParticipantEligibility;
import org.acopi.support.web.ApiErrors;
import org.apache.avro.Schema;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/eligibility-preview}: the MSSP PI reporting determination (42 CFR 425.507; docs/pi-rules.md §7,
 * §11; PY2025 and PY2026) of one TIN/NPI from inputs given in the request, explained, without storing anything and
 * without Kafka. Invalid input is a 400 listing every problem with its stable code.
 */
@RestController
class EligibilityPreviewController {

    private final EligibilityRules rules;
    private final InputValidator validator;
    private final EligibilityDecider decider;

    EligibilityPreviewController(EligibilityRules rules, InputValidator validator, EligibilityDecider decider) {
        this.rules = rules;
        this.validator = validator;
        this.decider = decider;
    }

    @PostMapping(path = "/api/v1/eligibility-preview", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> preview(@RequestBody JsonNode request) {
        PreviewRequestReader reader = new PreviewRequestReader(rules, validator);
        EligibilityInputs inputs = reader.read(request);
        if (inputs == null) {
            ApiErrors.rejected(reader.problems().get(0).code());
            return ResponseEntity.badRequest().body(invalid(reader.problems()));
        }
        ParticipantEligibility determination = decider.decide(inputs);
        return ResponseEntity.ok(render(determination, rules.forYear(determination.getPerformanceYear())));
    }

    private static Map<String, Object> invalid(List<InputProblem> problems) {
        List<Map<String, String>> list = new ArrayList<>();
        for (InputProblem p : problems) {
            list.add(Map.of("code", p.code(), "field", p.field(), "message", p.message()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "INVALID_INPUT");
        body.put("message", problems.size() + " problem(s) in the request; see problems");
        body.put("problems", list);
        return body;
    }

    /** Every field of the ParticipantEligibility event, by its schema name, plus each reason's rule. */
    private static Map<String, Object> render(ParticipantEligibility e, PyEligibilityRules py) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Schema.Field field : e.getSchema().getFields()) {
            Object value = e.get(field.pos());
            body.put(field.name(), value instanceof Enum<?> en ? en.name() : value);
        }
        List<Map<String, Object>> reasons = new ArrayList<>();
        for (String code : e.getReasonCodes()) {
            Reason rule = py.reason(code);
            Map<String, Object> reason = new LinkedHashMap<>();
            reason.put("code", code);
            reason.put("excluded", rule.excluded());
            reason.put("reweighting", rule.reweighting().name());
            reason.put("inEarnedScoreUniverse", rule.inEarnedScoreUniverse());
            reason.put("voluntaryReportingBasis", rule.voluntaryReportingBasis());
            reason.put("text", rule.text());
            reason.put("source", rule.source());
            reasons.add(reason);
        }
        body.put("reasons", reasons);
        return body;
    }
}
