package org.acopi.reporting.web;

import static org.acopi.reporting.Fixtures.eligibility;
import static org.acopi.reporting.Fixtures.npi;
import static org.acopi.reporting.Fixtures.profile;
import static org.acopi.reporting.Fixtures.score;
import static org.acopi.reporting.Fixtures.tin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.acopi.reporting.Fixtures;
import org.acopi.reporting.ReadModels;
import org.acopi.reporting.InMemoryMongo;
import org.acopi.reporting.acoprofile.AcoProfileRepository;
import org.acopi.reporting.participants.SourceVersion;
import org.acopi.reporting.publicreport.ApmEntityScoreSummary;
import org.acopi.reporting.participants.ParticipantRepository;
import org.acopi.reporting.publicreport.PublicReports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP interface over stored read models: JSON, CSV, the HTML page and the actuator, without Kafka. */
@SpringBootTest(properties = {"spring.kafka.listener.auto-startup=false", "acopi.topics.provision=false"})
@AutoConfigureMockMvc
// an operations user who may also read the actuator's details (AccessControlTest covers who may not)
@WithMockUser(roles = {"OPERATIONS", "OPERATOR"})
class ReportingWebTest {

    private static final String ACO = "A1001";
    private static final String APM_ONLY = "A3003";
    private static final String ESCAPED = "A&B<1>";
    private static final String LEGAL_NAME = "Lakeshore Health Partners ACO, LLC";
    private static final String HOSTILE_NAME = "Smith & Jones <script>alert('x')</script> ACO";
    private static final InMemoryMongo MONGO = new InMemoryMongo();
    private static boolean seeded;

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("acopi.mongodb.uri", MONGO::uri);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @BeforeAll
    static void noop() {
        // data are seeded once through the beans, see seed()
    }

    @Autowired
    void seed(PublicReports reports, ParticipantRepository participantRepository, AcoProfileRepository profiles) {
        if (seeded) {
            return;
        }
        seeded = true;
        ReadModels models = new ReadModels().participants(List.of(
                eligibility(ACO).explanation("MIPS eligible clinician above the low-volume threshold").update(2026, tin(1), npi(1)),
                score(ACO).scored(0, "INDIVIDUAL").update(2026, tin(1), npi(1)),
                eligibility(ACO).update(2026, tin(1), npi(2)),
                eligibility(ACO).excluded("REWEIGHT_SMALL_PRACTICE").update(2026, tin(2), npi(3)),
                score(ACO).scored(64, "GROUP").update(2026, tin(2), npi(3)),
                eligibility(ACO).excluded("BELOW_LVT").update(2026, tin(3), npi(4)),
                eligibility(ACO).notEnforced().update(2025, tin(1), npi(1)),
                eligibility("FQHC1").excluded("FQHC_RHC_NOT_MIPS_EC", "ACO_ALL_FQHC").update(2026, tin(5), npi(5)),
                eligibility(ESCAPED).excluded("=cmd|' /C calc'!A0").update(2026, tin(6), npi(6))));
        profiles.apply(List.of(profile(ACO, LEGAL_NAME, 0, 0), profile(ESCAPED, HOSTILE_NAME, 0, 1)));
        models.apmEntityScores(List.of(new ApmEntityScoreSummary(ACO, 2026, "ROLLED_UP", 32.0, 2, 1, 1, null,
                "(0+64)/2", List.of(), "acopi-pi-rules/2026.1",
                new SourceVersion("acopi.apm-entity-scores.v1", 0, 0, Fixtures.T0.plusSeconds(999))),
                new ApmEntityScoreSummary(APM_ONLY, 2026, "REWEIGHTED", null, 0, 0, 0, null, "", List.of(),
                        "acopi-pi-rules/2026.1", new SourceVersion("acopi.apm-entity-scores.v1", 1, 0, Fixtures.T0))));
        participantRepository.store(models.storedParticipants());
        reports.store(models.storedTallies());
    }

    @Test
    void publicReportAsJson() throws Exception {
        mvc.perform(get("/api/v1/acos/{aco}/public-reports/{py}", ACO, 2026))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.acoId").value(ACO))
                .andExpect(jsonPath("$.performanceYear").value(2026))
                .andExpect(jsonPath("$.aco.legalName").value(LEGAL_NAME))
                .andExpect(jsonPath("$.aco.program").value("MSSP"))
                .andExpect(jsonPath("$.aco.track").value("ENHANCED"))
                .andExpect(jsonPath("$.aco.publicReportingUrl").value(Fixtures.reportingUrl(ACO)))
                .andExpect(jsonPath("$.aco.*", hasSize(4)))
                .andExpect(jsonPath("$.enforced").value(true))
                .andExpect(jsonPath("$.exempt").value(false))
                .andExpect(jsonPath("$.providersSuppliers.earnedPiScore").value(2))
                .andExpect(jsonPath("$.providersSuppliers.metRequirementNotExcluded").value(1))
                .andExpect(jsonPath("$.providersSuppliers.excludedVoluntarilyReported").value(1))
                .andExpect(jsonPath("$.providersSuppliers.required").value(2))
                .andExpect(jsonPath("$.providersSuppliers.excluded").value(2))
                .andExpect(jsonPath("$.providersSuppliers.requiredNotScored").value(1))
                .andExpect(jsonPath("$.providersSuppliers.excludedByReason.BELOW_LVT").value(1))
                .andExpect(jsonPath("$.participants.activeRoster").value(3))
                .andExpect(jsonPath("$.participants.earnedPiScore").value(1))
                .andExpect(jsonPath("$.participants.requiredNotScored").value(1))
                .andExpect(jsonPath("$.participants.excludedVoluntarilyReported").value(1))
                .andExpect(jsonPath("$.apmEntityScore.method").value("ROLLED_UP"))
                .andExpect(jsonPath("$.apmEntityScore.score").value(32.0))
                .andExpect(jsonPath("$.apmEntityScore.cliniciansCounted").value(2))
                .andExpect(jsonPath("$.apmEntityScore.leftOutReweighted").value(1))
                .andExpect(jsonPath("$.asOf").value("2026-03-01T12:16:39Z"))
                .andExpect(jsonPath("$.computedFrom.participantDocuments").value(4))
                .andExpect(jsonPath("$.computedFrom.countingRulesVersion").value("acopi-public-reporting/2026.3"));
    }

    @Test
    void py2025IsReportedAsNotEnforcedAndAnAllFqhcAcoAsExempt() throws Exception {
        mvc.perform(get("/api/v1/acos/{aco}/public-reports/{py}", ACO, 2025))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enforced").value(false))
                .andExpect(jsonPath("$.apmEntityScore").doesNotExist());
        mvc.perform(get("/api/v1/acos/{aco}/public-reports/{py}", "FQHC1", 2026))
                .andExpect(jsonPath("$.aco").value(nullValue()))
                .andExpect(jsonPath("$.exempt").value(true))
                .andExpect(jsonPath("$.exemptReason").value("ACO_ALL_FQHC"))
                .andExpect(jsonPath("$.enforced").value(false));
    }

    @Test
    void anUnknownReportIsA404WithAJsonMessage() throws Exception {
        mvc.perform(get("/api/v1/acos/{aco}/public-reports/{py}", "A9999", 2026))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("NOT_FOUND"))
                .andExpect(jsonPath("$.message", containsString("A9999")));
        mvc.perform(get("/api/v1/acos/{aco}/public-reports/{py}", ACO, 2024))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("UNSUPPORTED_PY"));
    }

    @Test
    void requiredButNotScoredParticipantsWithMaskedTins() throws Exception {
        mvc.perform(get("/api/v1/acos/{aco}/participants", ACO).param("performanceYear", "2026").param("status", "REQUIRED_NOT_SCORED"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REQUIRED_NOT_SCORED"))
                .andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.participants[0].tin").value("*****0001"))
                .andExpect(jsonPath("$.participants[0].npi").value(npi(2)))
                .andExpect(jsonPath("$.participants[0].decidingReason").value("REQUIRED"))
                .andExpect(jsonPath("$.participants[0].explanation", containsString("Required but not scored")))
                .andExpect(content().string(not(containsString(tin(1)))));
    }

    @Test
    void everyStatusFilter() throws Exception {
        String[][] expected = {{"ALL", "4"}, {"REQUIRED", "2"}, {"EXCLUDED", "2"}, {"SCORED", "2"},
                {"EXCLUDED_VOLUNTARILY_REPORTED", "1"}, {"REQUIRED_NOT_SCORED", "1"}, {"NOT_COUNTED", "0"}};
        for (String[] e : expected) {
            mvc.perform(get("/api/v1/acos/{aco}/participants", ACO).param("performanceYear", "2026").param("status", e[0]))
                    .andExpect(jsonPath("$.count").value(Integer.parseInt(e[1])));
        }
        mvc.perform(get("/api/v1/acos/{aco}/participants", ACO).param("performanceYear", "2026").param("status", "SCORED"))
                .andExpect(jsonPath("$.participants[0].finalScore").value(0.0))
                .andExpect(jsonPath("$.participants[0].scoreSource").value("INDIVIDUAL"))
                .andExpect(jsonPath("$.participants[0].explanation",
                        containsString("MIPS eligible clinician above the low-volume threshold. PI score 0.00 at the INDIVIDUAL level.")));
        mvc.perform(get("/api/v1/acos/{aco}/participants", ACO).param("performanceYear", "2026").param("status", "NOPE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("BAD_PARAMETER"));
        mvc.perform(get("/api/v1/acos/{aco}/participants", ACO))
                .andExpect(status().isBadRequest());
    }

    @Test
    void participantsAsCsvByAcceptHeaderOrExtension() throws Exception {
        String byAccept = mvc.perform(get("/api/v1/acos/{aco}/participants", ACO).param("performanceYear", "2026")
                        .accept("text/csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", containsString("participants-2026-all.csv")))
                .andReturn().getResponse().getContentAsString();
        String byExtension = mvc.perform(get("/api/v1/acos/{aco}/participants.csv", ACO).param("performanceYear", "2026"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(byExtension).isEqualTo(byAccept);
        List<String> lines = byAccept.lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("acoId,performanceYear,tin,npi,rosterStatus,counted,required");
        assertThat(lines.get(1)).startsWith(ACO + ",2026,*****0001," + npi(1) + ",ACTIVE,true,true,false,true");
        assertThat(byAccept).doesNotContain(tin(1));
    }

    @Test
    void csvCellsAreDefusedAndQuoted() throws Exception {
        String csv = mvc.perform(get("/api/v1/acos/{aco}/participants.csv", ESCAPED).param("performanceYear", "2026"))
                .andReturn().getResponse().getContentAsString();

        assertThat(csv).contains(",'=cmd|' /C calc'!A0,");
        assertThat(ParticipantsCsv.cell("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
        assertThat(ParticipantsCsv.cell("-1.5")).isEqualTo("-1.5");
        assertThat(ParticipantsCsv.cell("+7")).isEqualTo("+7");
        assertThat(ParticipantsCsv.cell("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(ParticipantsCsv.cell("\t5")).isEqualTo("'\t5");
        assertThat(ParticipantsCsv.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
        assertThat(ParticipantsCsv.cell("-1+1")).isEqualTo("'-1+1");
        assertThat(ParticipantsCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }

    @Test
    void badParametersOfTheCsvViewAreA400WithAJsonMessage() throws Exception {
        mvc.perform(get("/api/v1/acos/{aco}/participants", ACO).param("performanceYear", "2024").accept("text/csv"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("UNSUPPORTED_PY"))
                .andExpect(jsonPath("$.message", containsString("2026")));
        mvc.perform(get("/api/v1/acos/{aco}/participants.csv", ACO).param("performanceYear", "2024"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("UNSUPPORTED_PY"));
        mvc.perform(get("/api/v1/acos/{aco}/participants.csv", ACO).param("performanceYear", "20x6").accept("text/csv"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("BAD_PARAMETER"));
        mvc.perform(get("/api/v1/acos/{aco}/participants", ACO).accept("text/csv"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message", containsString("performanceYear is required")));
        mvc.perform(get("/api/v1/acos/{aco}/participants", ACO).param("performanceYear", "2026").param("status", "NOPE")
                        .accept("text/csv"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("BAD_PARAMETER"))
                .andExpect(jsonPath("$.message", containsString("REQUIRED_NOT_SCORED, REQUIRED, EXCLUDED, SCORED, "
                        + "EXCLUDED_VOLUNTARILY_REPORTED, ALL, NOT_COUNTED")));
        mvc.perform(get("/api/v1/acos/{aco}/public-reports/{py}", ACO, "next"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("BAD_PARAMETER"));
    }

    @Test
    void theStatusFilterIgnoresCase() throws Exception {
        mvc.perform(get("/api/v1/acos/{aco}/participants", ACO).param("performanceYear", "2026")
                        .param("status", "required_not_scored"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REQUIRED_NOT_SCORED"))
                .andExpect(jsonPath("$.count").value(1));
    }

    @Test
    void theParticipantsOfAnAcoOfWhichNothingWasReceivedAreA404LikeItsReport() throws Exception {
        mvc.perform(get("/api/v1/acos/{aco}/public-reports/{py}", "A9999", 2026))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.*", hasSize(2)));
        mvc.perform(get("/api/v1/acos/{aco}/participants", "A9999").param("performanceYear", "2026"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.*", hasSize(2)))
                .andExpect(jsonPath("$.error").value("NOT_FOUND"))
                .andExpect(jsonPath("$.message", containsString("A9999")));
        mvc.perform(get("/api/v1/acos/{aco}/participants", "A9999").param("performanceYear", "2026").accept("text/csv"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("NOT_FOUND"));
        mvc.perform(get("/api/v1/acos/{aco}/participants.csv", "A9999").param("performanceYear", "2026"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("NOT_FOUND"));
    }

    @Test
    void anAcoKnownOnlyFromItsReportOrWithoutMatchesHasAnEmptyView() throws Exception {
        mvc.perform(get("/api/v1/acos/{aco}/participants", APM_ONLY).param("performanceYear", "2026"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(0));
        mvc.perform(get("/api/v1/acos/{aco}/participants", "FQHC1").param("performanceYear", "2026").param("status", "REQUIRED"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(0));
    }

    @Test
    void jsonIsTheDefaultRepresentation() throws Exception {
        mvc.perform(get("/api/v1/acos/{aco}/participants", ACO).param("performanceYear", "2026").accept(MediaType.ALL))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
    }

    @Test
    void publicReportingPage() throws Exception {
        String html = mvc.perform(get("/acos/{aco}/public-reporting/{py}", ACO, 2026))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString();

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">", "<caption>",
                "<title>Lakeshore Health Partners ACO, LLC (ACO A1001): Promoting Interoperability public reporting, "
                        + "performance year 2026</title>",
                "<h1>Lakeshore Health Partners ACO, LLC <span class=\"aco-id\">(ACO A1001)</span></h1>",
                "<th scope=\"col\">ACO participants (TINs)</th>", "<th scope=\"row\">Earned a Promoting Interoperability",
                "<td class=\"num\">1</td><td class=\"num\">2</td>", "32.00", "Figures as of March 1, 2026 at 12:16 UTC");
        assertThat(html).doesNotContain("<script", "src=", "href=", "<link", tin(1), npi(1));
        assertThat(html).doesNotContain("enforcement discretion");
    }

    @Test
    void publicReportingPageStatesExemptionAndNonEnforcement() throws Exception {
        String exempt = mvc.perform(get("/acos/{aco}/public-reporting/{py}", "FQHC1", 2026))
                .andReturn().getResponse().getContentAsString();
        String py2025 = mvc.perform(get("/acos/{aco}/public-reporting/{py}", ACO, 2025))
                .andReturn().getResponse().getContentAsString();

        assertThat(exempt).contains("exempt", "<h1>ACO FQHC1</h1>", "<title>ACO FQHC1: Promoting Interoperability")
                .doesNotContain("<caption>Number of ACO participants");
        assertThat(py2025).contains("enforcement discretion", "<caption>Number of ACO participants");
    }

    @Test
    void thePageAnswersBadParametersWithAnHtmlPageUnlessOnlyJsonIsAcceptable() throws Exception {
        String unsupported = mvc.perform(get("/acos/{aco}/public-reporting/{py}", ACO, 2024).accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(header().string("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'"))
                .andReturn().getResponse().getContentAsString();
        String notAYear = mvc.perform(get("/acos/{aco}/public-reporting/{py}", ACO, "<b>x")
                        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(get("/acos/{aco}/public-reporting/{py}", ACO, "x").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("BAD_PARAMETER"));

        assertThat(unsupported).startsWith("<!DOCTYPE html>").contains("<h1>Bad request</h1>", "2024 is not supported");
        assertThat(notAYear).contains("must be a year").doesNotContain("<b>x");
    }

    @Test
    @WithAnonymousUser
    void theOperationsConsoleNeedsALoginWhileThePublicPageStaysOpen() throws Exception {
        for (String url : List.of("/console", "/console/acos/" + ACO + "/2026",
                "/console/acos/" + ACO + "/2026/participants.csv", "/console/acos/" + ACO + "/2026/clinicians/" + npi(1))) {
            mvc.perform(get(url)).andExpect(status().isFound()).andExpect(header().string("Location", containsString("/login")));
        }
        mvc.perform(get("/acos/{aco}/public-reporting/{py}", ACO, 2026)).andExpect(status().isOk());
    }

    @Test
    void everyPageForbidsScriptsAndSniffing() throws Exception {
        for (String[] request : new String[][] {{ACO, "2026"}, {"A9999", "2026"}, {ACO, "1999"}}) {
            mvc.perform(get("/acos/{aco}/public-reporting/{py}", request[0], request[1]))
                    .andExpect(header().string("Content-Security-Policy", PublicReportingPageController.CONTENT_SECURITY_POLICY))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        }
    }

    @Test
    void thePageEscapesEverything() throws Exception {
        String page = mvc.perform(get("/acos/{aco}/public-reporting/{py}", ESCAPED, 2026))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String notFound = mvc.perform(get("/acos/{aco}/public-reporting/{py}", "<img onerror=x>", 2026))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString();

        String name = "Smith &amp; Jones &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; ACO";
        assertThat(page).contains("<title>" + name + " (ACO A&amp;B&lt;1&gt;): Promoting",
                        "<h1>" + name + " <span class=\"aco-id\">(ACO A&amp;B&lt;1&gt;)</span></h1>")
                .doesNotContain("A&B<1>", "<script", "Smith & Jones");
        mvc.perform(get("/api/v1/acos/{aco}/public-reports/{py}", ESCAPED, 2026))
                .andExpect(jsonPath("$.aco.legalName").value(HOSTILE_NAME));
        assertThat(notFound).contains("&lt;img onerror=x&gt;").doesNotContain("<img");
    }

    @Test
    void actuatorExposesHealthWithMongoInfoAndPrometheusOnly() throws Exception {
        mvc.perform(get("/actuator/health/mongo"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/info")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "acopi_reporting_clinicians_required_not_scored{acoId=\"A1001\",performanceYear=\"2026\"} 1.0")));
        mvc.perform(get("/actuator/env")).andExpect(status().isNotFound());
        mvc.perform(get("/actuator/beans")).andExpect(status().isNotFound());
    }

    @Test
    void fullTinsOnlyWhenEnabled() {
        var participant = Fixtures.participant(2026, tin(1), npi(1), eligibility(ACO), null);

        assertThat(ParticipantRow.of(participant, false).tin()).isEqualTo("*****0001");
        assertThat(ParticipantRow.of(participant, true).tin()).isEqualTo(tin(1));
    }
}
