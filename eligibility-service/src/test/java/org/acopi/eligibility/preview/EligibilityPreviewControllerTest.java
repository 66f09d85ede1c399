package org.acopi.eligibility.preview;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.acopi.eligibility.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The eligibility-preview endpoint of issue 5 item 4, in the whole application while no Kafka broker is reachable:
 * it answers from the request alone and stores nothing.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=localhost:1",
        "acopi.streams.state-dir=target/streams-state/preview-${random.uuid}"})
@AutoConfigureMockMvc
// an operations user who may also read the actuator's details (AccessControlTest covers who may not)
@WithMockUser(roles = {"OPERATIONS", "OPERATOR"})
class EligibilityPreviewControllerTest {

    static final String ROSTER = """
            "roster": {"acoId": "A1234", "performanceYear": 2026, "tin": "%s", "npi": "%s",
                       "clinicianType": "PHYSICIAN", "snapshot": 3, "status": "ACTIVE"}
            """.formatted(Fixtures.TIN, Fixtures.NPI);
    static final String ACO = """
            "acoProfile": {"acoId": "A1234", "performanceYear": 2026, "legalName": "Sample ACO LLC", "program": "MSSP",
                           "track": "ENHANCED", "allFqhcRhc": false, "publicReportingUrl": "https://aco.example/pi"}
            """;
    static final String FACTS = """
            "facts": {"performanceYear": 2026, "tin": "%s", "npi": "%s", "mipsEligible": true,
                      "exceedsLowVolumeThreshold": true, "qpStatus": "NONE", "specialStatuses": [],
                      "tinSpecialStatuses": [], "fqhcRhcOnly": false, "automaticEuc": false, "dataCompromised": false,
                      "snapshot": 3, "asOf": "2026-12-15"}
            """.formatted(Fixtures.TIN, Fixtures.NPI);

    @Autowired
    MockMvc mvc;

    ResultActions preview(String body) throws Exception {
        return mvc.perform(post("/api/v1/eligibility-preview").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void requiredClinicianIsExplained() throws Exception {
        preview("{" + ACO + "," + ROSTER + "," + FACTS + ", \"hardships\": []}")
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.sspRequired").value(true))
                .andExpect(jsonPath("$.sspEnforced").value(true))
                .andExpect(jsonPath("$.mipsPiRequired").value(true))
                .andExpect(jsonPath("$.reasonCodes[0]").value("REQUIRED"))
                .andExpect(jsonPath("$.reweighting").value("NONE"))
                .andExpect(jsonPath("$.rosterStatus").value("ACTIVE"))
                .andExpect(jsonPath("$.factsKnown").value(true))
                .andExpect(jsonPath("$.rulesVersion").value("acopi-eligibility-rules/2026.2"))
                .andExpect(jsonPath("$.inputVersions.facts").value("snapshot=3;asOf=2026-12-15T00:00:00Z"))
                .andExpect(jsonPath("$.explanation").value(containsString("42 CFR 425.507")))
                .andExpect(jsonPath("$.reasons[0].text").value(containsString("must report PI")))
                .andExpect(jsonPath("$.reasons[0].source").value("42 CFR 425.507(a)"))
                .andExpect(jsonPath("$.reasons[0].inEarnedScoreUniverse").value(true));
    }

    @Test
    void approvedWholeTinHardshipGivenInCsvFormReweightsPi() throws Exception {
        String facts = FACTS.replace("\"mipsEligible\": true", "\"mipsEligible\": \"true\"");
        preview("{" + ACO + "," + ROSTER + "," + facts + ", \"hardships\": [{\"performanceYear\": 2026, \"tin\": \""
                + Fixtures.TIN + "\", \"npi\": \"*\", \"basis\": \"DECERTIFIED_EHR\", \"status\": \"APPROVED\"}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sspRequired").value(false))
                .andExpect(jsonPath("$.reasonCodes[0]").value("REWEIGHT_APP_DECERTIFIED_EHR"))
                .andExpect(jsonPath("$.reweighting").value("APPLICATION_APPROVED"));
    }

    @Test
    void hardshipsAreReducedAsTheStreamDoesNewestPerBasisWithTheLaterEntryWinningATie() throws Exception {
        String approvedThenDenied = "{" + ROSTER + "," + FACTS + ", \"hardships\": ["
                + "{\"npi\": \"*\", \"basis\": \"INSUFFICIENT_INTERNET\", \"status\": \"APPROVED\"},"
                + "{\"npi\": \"*\", \"basis\": \"INSUFFICIENT_INTERNET\", \"status\": \"DENIED\"}]}";
        preview(approvedThenDenied)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reasonCodes[0]").value("REQUIRED"))
                .andExpect(jsonPath("$.reasonCodes.length()").value(1));
        String newerApprovalFirst = "{" + ROSTER + "," + FACTS + ", \"hardships\": ["
                + "{\"basis\": \"INSUFFICIENT_INTERNET\", \"status\": \"APPROVED\", \"decidedAt\": \"2026-10-01\"},"
                + "{\"basis\": \"INSUFFICIENT_INTERNET\", \"status\": \"DENIED\", \"decidedAt\": \"2026-09-01\"},"
                + "{\"basis\": \"DECERTIFIED_EHR\", \"status\": \"PENDING\", \"decidedAt\": \"2026-11-01\"}]}";
        preview(newerApprovalFirst)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reasonCodes[0]").value("REWEIGHT_APP_INSUFFICIENT_INTERNET"))
                .andExpect(jsonPath("$.inputVersions['hardship." + Fixtures.NPI + ".DECERTIFIED_EHR']")
                        .value(containsString("status=PENDING")));
    }

    @Test
    void py2025IsRequiredButNotEnforced() throws Exception {
        String body = "{" + ACO + "," + ROSTER + "," + FACTS + "}";
        preview(body.replace("2026", "2025").replace("2025-12-15", "2025-12-15"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sspRequired").value(true))
                .andExpect(jsonPath("$.sspEnforced").value(false))
                .andExpect(jsonPath("$.reasonCodes[0]").value("REQUIRED"));
    }

    @Test
    void withoutFactsTheClinicianIsPendingAndPresumedRequired() throws Exception {
        preview("{" + ROSTER + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.factsKnown").value(false))
                .andExpect(jsonPath("$.reasonCodes[0]").value("FACTS_PENDING"));
    }

    @Test
    void invalidInputListsEveryProblem() throws Exception {
        String body = "{" + ACO + "," + ROSTER.replace(Fixtures.TIN, "12345") + ","
                + FACTS.replace("\"NONE\"", "\"MAYBE\"") + ", \"hardships\": [{\"basis\": \"BAD_LUCK\", \"status\": \"APPROVED\"}]}";
        preview(body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("INVALID_INPUT"))
                .andExpect(jsonPath("$.problems[*].code").value(containsInAnyOrder("INVALID_TIN")))
                .andExpect(jsonPath("$.problems[0].field").value("roster.tin"))
                .andExpect(content().string(not(containsString("12345\""))));
        preview("{" + ROSTER + "," + FACTS.replace("\"NONE\"", "\"MAYBE\"")
                + ", \"hardships\": [{\"basis\": \"BAD_LUCK\", \"status\": \"APPROVED\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[*].field").value(containsInAnyOrder("facts.qpStatus", "hardships[0].basis")));
        preview("{" + ROSTER.replace("\"PHYSICIAN\"", "\"ASTROLOGER\"").replace("2026", "2024") + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[*].code").value(hasItem("UNSUPPORTED_PY")));
        preview("{\"facts\": {}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].code").value("MISSING_FIELD"))
                .andExpect(jsonPath("$.problems[0].field").value("roster"));
        preview("{" + ROSTER + "," + FACTS.replace("\"tin\": \"" + Fixtures.TIN, "\"tin\": \"" + Fixtures.OTHER_TIN) + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].code").value("INCONSISTENT_INPUTS"));
    }

    @Test
    void factsMayNameTheTinsVirtualGroup() throws Exception {
        String grouped = FACTS.replace("\"snapshot\": 3", "\"virtualGroupId\": \"VG-123\", \"snapshot\": 3");
        preview("{" + ROSTER + "," + grouped + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.virtualGroupId").value("VG-123"))
                .andExpect(jsonPath("$.reasonCodes[0]").value("REQUIRED"));
        preview("{" + ROSTER + "," + grouped.replace("VG-123", "V".repeat(65)) + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].code").value("INVALID_VIRTUAL_GROUP"))
                .andExpect(jsonPath("$.problems[0].field").value("facts.virtualGroupId"));
    }

    @Test
    void serviceIsUpWithoutKafkaButReportsTheStreamsWaiting() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/actuator/health"))
                .andExpect(jsonPath("$.components.eligibilityStreams.status").value("DOWN"))
                .andExpect(jsonPath("$.components.eligibilityStreams.details.state").value("WAITING_FOR_TOPICS"));
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        preview("{\"roster\": {")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("MALFORMED_JSON"));
        preview("[1, 2]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("INVALID_INPUT"));
    }
}
