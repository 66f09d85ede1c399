package org.acopi.eligibility.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.acopi.support.ingest.IngestPublisher;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@code POST /api/v1/participants/{input}} in the running application, publisher mocked, Kafka unreachable. */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=127.0.0.1:1",
        "acopi.streams.state-dir=target/ingest-test-state",
        "acopi.topics.provision=false",
        "acopi.ingest.submitters=aco-ops:ops-token",
        "acopi.security.users=ops:ops-secret:operations"})
@AutoConfigureMockMvc
class ParticipantIngestTest {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final MockMvc mvc;

    @MockitoBean
    IngestPublisher publisher;

    @Autowired
    ParticipantIngestTest(MockMvc mvc) {
        this.mvc = mvc;
    }

    @Test
    void rosterCsvPublishesGoodRowsAndListsEveryBadOneWithItsLine() throws Exception {
        String roster = """
                acoId,performanceYear,tin,npi,clinicianType,snapshot,status
                A1,2026,111111111,1000000012,PHYSICIAN,3,ACTIVE
                A1,2026,111111111,1000000038,ASTROLOGER,3,ACTIVE
                A1,2026,11111111,1000000046,PHYSICIAN,3,ACTIVE
                """;
        mvc.perform(post("/api/v1/participants/roster").header("Authorization", "Bearer ops-token")
                        .contentType(CSV).content(roster))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(3))
                .andExpect(jsonPath("$.published").value(1))
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.problems[0].line").value(3))
                .andExpect(jsonPath("$.problems[0].code").value("UNKNOWN_CLINICIAN_TYPE"))
                .andExpect(jsonPath("$.problems[1].line").value(4))
                .andExpect(jsonPath("$.problems[1].code").value("INVALID_TIN"));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<IngestPublisher.Outgoing<?>>> sent = ArgumentCaptor.forClass(List.class);
        verify(publisher).publish(sent.capture());
        assertThat(sent.getValue()).extracting(IngestPublisher.Outgoing::key).containsExactly("2026:111111111:1000000012");
    }

    @Test
    void jsonArraysOfHardshipsAreAcceptedAndNothingGoodIs422() throws Exception {
        mvc.perform(post("/api/v1/participants/hardships").header("X-API-Key", "ops-token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"performanceYear\": 2026, \"tin\": \"111111111\", \"npi\": \"*\", \"basis\": \"FLOOD\", \"status\": \"APPROVED\"}]"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].code").value("INVALID_VALUE"));
        mvc.perform(post("/api/v1/participants/facts").header("X-API-Key", "ops-token")
                        .contentType(CSV).content("performanceYear,tin\n2026,111111111\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].code").value("CSV_MISSING_COLUMNS"));
        verify(publisher, times(0)).publish(any());
    }

    @Test
    void authenticationTypeAndInputAreChecked() throws Exception {
        mvc.perform(post("/api/v1/participants/roster").contentType(CSV).content("x"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/participants/roster").header("X-API-Key", "ops-token")
                        .contentType(MediaType.APPLICATION_XML).content("<x/>"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value("UNSUPPORTED_MEDIA_TYPE"));
        mvc.perform(post("/api/v1/participants/payroll").header("X-API-Key", "ops-token").contentType(CSV).content("x"))
                .andExpect(status().isNotFound());
        // the preview is for an operations login, not a submitter's token
        mvc.perform(post("/api/v1/eligibility-preview").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("UNAUTHENTICATED"));
        mvc.perform(post("/api/v1/eligibility-preview").header("X-API-Key", "ops-token")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/eligibility-preview").with(httpBasic("ops", "ops-secret"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/participants/roster").with(httpBasic("ops", "ops-secret")).contentType(CSV).content("x"))
                .andExpect(status().isUnauthorized());
    }
}
