package org.acopi.scoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.acopi.events.PiSubmission;
import org.acopi.support.ingest.IngestPublisher;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code POST /api/v1/submissions} in the running application (publisher mocked, Kafka unreachable): submitter
 * authentication and rate, both formats, the QPP-like answers and their codes, retries publishing once.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=127.0.0.1:1",
        "acopi.streams.state-dir=target/ingest-test-state",
        "acopi.topics.provision=false",
        "acopi.ingest.submitters=registry-a:token-a,ehr-b:token-b,burst:token-c",
        "acopi.ingest.rate-capacity=8",
        "acopi.ingest.rate-per-minute=1",
        "acopi.ingest.max-body=1MB",
        "acopi.security.users=ops:ops-secret:operations,sre:sre-secret:operator"})
@AutoConfigureMockMvc
class SubmissionIngestTest {

    private final MockMvc mvc;

    @MockitoBean
    IngestPublisher publisher;

    @Autowired
    SubmissionIngestTest(MockMvc mvc) {
        this.mvc = mvc;
    }

    private static String json() throws Exception {
        return QppJsonParserTest.resource("tc02-individual-2025.json").replace("\"submitter\": \"ehr-vendor-x\",", "");
    }

    @Test
    void qrda3ExportIsPublishedAnd201WithTheScoreItWillGet() throws Exception {
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer token-b")
                        .contentType(MediaType.APPLICATION_XML).content(Qrda3ParserTest.bytes("qrda3/acopi-individual-2026.xml")))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Location"))
                .andExpect(jsonPath("$.data.submission.submitter").value("ehr-b"))
                .andExpect(jsonPath("$.data.submission.entityType").value("INDIVIDUAL"))
                .andExpect(jsonPath("$.data.submission.format").value("qrda3"))
                .andExpect(jsonPath("$.data.score.score").value(100));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<IngestPublisher.Outgoing<?>>> sent = ArgumentCaptor.forClass(List.class);
        verify(publisher).publish(sent.capture());
        IngestPublisher.Outgoing<?> record = sent.getValue().get(0);
        assertThat(record.key()).isEqualTo("2026:INDIVIDUAL:362814507:1482603911");
        assertThat(((PiSubmission) record.value()).getMeasurements()).hasSize(16);
    }

    @Test
    void aRetriedPostIsTheSameSubmissionAndIsPublishedOnce() throws Exception {
        String first = mvc.perform(post("/api/v1/submissions").header("X-API-Key", "token-a")
                        .contentType(MediaType.APPLICATION_JSON).content(json()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.data.score.score").value(75))
                .andReturn().getResponse().getContentAsString();
        String id = first.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        mvc.perform(post("/api/v1/submissions").header("X-API-Key", "token-a")
                        .contentType(MediaType.APPLICATION_JSON).content(json()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.duplicate").value(true))
                .andExpect(jsonPath("$.data.submission.id").value(id));
        verify(publisher, times(1)).publish(any());
    }

    @Test
    void ruleProblemsAre422WithEveryCodeAndNothingIsPublished() throws Exception {
        String body = json().replace("{\"measureId\": \"PI_EP_2\", \"value\": true}",
                "{\"measureId\": \"PI_EP_2\", \"value\": true}, {\"measureId\": \"PI_NOPE\", \"value\": true}");
        mvc.perform(post("/api/v1/submissions").header("X-API-Key", "token-a")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.type").value("ValidationError"))
                .andExpect(jsonPath("$.error.details[0].number").value(103))
                .andExpect(jsonPath("$.error.details[0].location").value("body:1"));
        mvc.perform(post("/api/v1/submissions").header("X-API-Key", "token-a")
                        .contentType(MediaType.APPLICATION_JSON).content(QppJsonParserTest.resource("tc02-individual-2025.json")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.details[0].code").value("INVALID_SUBMITTER"));
        verify(publisher, times(0)).publish(any());
    }

    @Test
    void hostileAndWrongBodiesHaveTheirStatusAndCode() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>";
        mvc.perform(post("/api/v1/submissions").header("X-API-Key", "token-a")
                        .contentType(MediaType.APPLICATION_XML).content(xxe))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error.code").value("INVALID_XML_DOCTYPE"));
        mvc.perform(post("/api/v1/submissions").header("X-API-Key", "token-a")
                        .contentType(MediaType.APPLICATION_JSON).content("[".repeat(10_000)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error.code").value("INVALID_JSON_LIMIT"));
        mvc.perform(post("/api/v1/submissions").header("X-API-Key", "token-a")
                        .contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType()).andExpect(jsonPath("$.error.details[0].number").value(321));
        mvc.perform(post("/api/v1/submissions").header("X-API-Key", "token-a")
                        .contentType(MediaType.APPLICATION_XML).content(new byte[1024 * 1024 + 1]))
                .andExpect(status().isPayloadTooLarge()).andExpect(jsonPath("$.error.code").value("PAYLOAD_TOO_LARGE"));
        verify(publisher, times(0)).publish(any());
    }

    @Test
    void ingestionNeedsAKnownTokenAndIsRateLimitedPreviewsAnOperationsLoginMetricsAnOperator() throws Exception {
        mvc.perform(post("/api/v1/submissions").contentType(MediaType.APPLICATION_JSON).content(json()))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("UNAUTHENTICATED"));
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer wrong")
                        .contentType(MediaType.APPLICATION_JSON).content(json()))
                .andExpect(status().isUnauthorized());
        // a person's login is not a submitter's token
        mvc.perform(post("/api/v1/submissions").with(httpBasic("ops", "ops-secret"))
                        .contentType(MediaType.APPLICATION_JSON).content(json()))
                .andExpect(status().isUnauthorized());
        for (int i = 0; i < 8; i++) {
            mvc.perform(post("/api/v1/submissions").header("X-API-Key", "token-c")
                    .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isUnprocessableContent());
        }
        mvc.perform(post("/api/v1/submissions").header("X-API-Key", "token-c")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));

        byte[] qrda = Qrda3ParserTest.bytes("qrda3/acopi-individual-2026.xml");
        mvc.perform(post("/api/v1/score-preview").contentType(MediaType.APPLICATION_XML).content(qrda))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("UNAUTHENTICATED"));
        mvc.perform(post("/api/v1/score-preview").with(httpBasic("sre", "sre-secret"))
                        .contentType(MediaType.APPLICATION_XML).content(qrda))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("FORBIDDEN"));
        mvc.perform(post("/api/v1/score-preview").with(httpBasic("ops", "ops-secret"))
                        .contentType(MediaType.APPLICATION_XML).content(qrda))
                .andExpect(status().isOk()).andExpect(jsonPath("$.score").value(100));

        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("ops", "ops-secret"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("sre", "sre-secret"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "acopi_ingest_rejected_total{endpoint=\"submissions\",reason=\"RATE_LIMITED\"}")))
                .andExpect(content().string(containsString(
                        "acopi_http_refused_total{reason=\"FORBIDDEN\",status=\"403\"}")));
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/submissions'].post.requestBody.content['application/xml']").exists());
    }
}
