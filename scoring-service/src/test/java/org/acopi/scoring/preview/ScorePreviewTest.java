package org.acopi.scoring.preview;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The score-preview endpoint of the running application, with Kafka unreachable: previews never need the broker
 * (design.md §6). Valid sets answer 200 with the explained score; invalid ones 400 with every problem code.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=127.0.0.1:1",
        "acopi.streams.state-dir=target/preview-test-state",
        "acopi.topics.provision=false"})
@AutoConfigureMockMvc
// an operations user who may also read the actuator's details (AccessControlTest covers who may not)
@WithMockUser(roles = {"OPERATIONS", "OPERATOR"})
class ScorePreviewTest {

    private final MockMvc mvc;

    @Autowired
    ScorePreviewTest(MockMvc mvc) {
        this.mvc = mvc;
    }

    @Test
    void tc02SubmissionIsScored75WithFormulas() throws Exception {
        mvc.perform(post("/api/v1/score-preview").contentType(MediaType.APPLICATION_JSON)
                        .content(org.acopi.scoring.ingest.QppJsonParserTest.resource("tc02-individual-2025.json")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.score").value(75))
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.problems").isEmpty())
                .andExpect(jsonPath("$.zeroReasons").isEmpty())
                .andExpect(jsonPath("$.bonus").value(0))
                .andExpect(jsonPath("$.rulesVersion").value("acopi-pi-rules/2025.1"))
                .andExpect(jsonPath("$.parts[0].measureId").value("PI_EP_1"))
                .andExpect(jsonPath("$.parts[0].formula").value("((49/115)*10) = 4"))
                .andExpect(jsonPath("$.parts[0].status").value("SCORED"))
                .andExpect(jsonPath("$.parts[0].maxPoints").value(10));
    }

    @Test
    void invalidSubmissionIs400WithEveryProblemCode() throws Exception {
        String body = org.acopi.scoring.ingest.QppJsonParserTest.resource("tc02-individual-2025.json")
                .replace("\"performanceYear\": 2025", "\"performanceYear\": 2026")
                .replace("{\"measureId\": \"PI_EP_2\", \"value\": true}",
                        "{\"measureId\": \"PI_EP_2\", \"value\": true}, {\"measureId\": \"PI_LVPP_1\", \"value\": true}, "
                                + "{\"measureId\": \"PI_HIE_5\", \"value\": true}")
                .replace("\"performanceEnd\": \"2025-12-31\"", "\"performanceEnd\": \"31.12.2025\"");
        mvc.perform(post("/api/v1/score-preview").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.score").doesNotExist())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.problems[*].number").value(org.hamcrest.Matchers.containsInAnyOrder(302, 101, 102, 102)))
                .andExpect(jsonPath("$.problems[0].code").value("INVALID_DATE"))
                .andExpect(jsonPath("$.rulesVersion").value("acopi-pi-rules/2026.1"));
    }

    @Test
    void shapeAndRuleProblemsAreCappedOnceWithTheRightCount() throws Exception {
        StringBuilder unknown = new StringBuilder();
        for (int i = 0; i < 62; i++) {
            unknown.append(", {\"measureId\": \"PI_UNKNOWN_").append(i).append("\", \"value\": true}");
        }
        String body = org.acopi.scoring.ingest.QppJsonParserTest.resource("tc02-individual-2025.json")
                .replace("\"submitter\": \"ehr-vendor-x\"", "\"submitter\": 42")
                .replace("\"submissionMethod\": \"electronicHealthRecord\"", "\"submissionMethod\": 1")
                .replace("\"performanceEnd\": \"2025-12-31\"", "\"performanceEnd\": \"31.12.2025\"")
                .replace("{\"measureId\": \"PI_PHCDRR_3_PROD\", \"value\": true}",
                        "{\"measureId\": \"PI_PHCDRR_3_PROD\", \"value\": true}" + unknown);
        mvc.perform(post("/api/v1/score-preview").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems.length()").value(50))
                .andExpect(jsonPath("$.problems[0:3].number").value(org.hamcrest.Matchers.containsInAnyOrder(304, 304, 302)))
                .andExpect(jsonPath("$.problems[3].number").value(103))
                .andExpect(jsonPath("$.problems[49].code").value("TOO_MANY_PROBLEMS"))
                .andExpect(jsonPath("$.problems[49].message").value("16 more problems were found and are not listed"));
    }

    @Test
    void zeroedScoreIsStillValid() throws Exception {
        String body = org.acopi.scoring.ingest.QppJsonParserTest.resource("tc02-individual-2025.json").replace("\"cehrtId\": \"0015C0000000000\",", "");
        mvc.perform(post("/api/v1/score-preview").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.score").value(0))
                .andExpect(jsonPath("$.zeroReasons[0]").value("Z_CEHRT"));
    }

    @Test
    void malformedJsonIs400InThePreviewShapeWithAClearMessage() throws Exception {
        mvc.perform(post("/api/v1/score-preview").contentType(MediaType.APPLICATION_JSON).content("{\"entityType\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").doesNotExist())
                .andExpect(jsonPath("$.score").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.problems.length()").value(1))
                .andExpect(jsonPath("$.problems[0].number").value(301))
                .andExpect(jsonPath("$.problems[0].code").value("INVALID_JSON"))
                .andExpect(jsonPath("$.problems[0].message").value(org.hamcrest.Matchers.startsWith(
                        "the body is not well-formed JSON (line 1, column ")))
                .andExpect(jsonPath("$.zeroReasons").isEmpty())
                .andExpect(jsonPath("$.parts").isEmpty())
                .andExpect(jsonPath("$.bonus").value(0));
    }

    @Test
    void emptyBodyAndTrailingGarbageAreMalformedJsonToo() throws Exception {
        mvc.perform(post("/api/v1/score-preview").contentType(MediaType.APPLICATION_JSON).content(""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.problems[0].code").value("INVALID_JSON"))
                .andExpect(jsonPath("$.problems[0].message").value(org.hamcrest.Matchers.startsWith("the body is empty")));
        mvc.perform(post("/api/v1/score-preview").contentType(MediaType.APPLICATION_JSON)
                        .content(org.acopi.scoring.ingest.QppJsonParserTest.resource("tc02-individual-2025.json") + " }"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[*].number").value(org.hamcrest.Matchers.contains(301)));
    }
}
