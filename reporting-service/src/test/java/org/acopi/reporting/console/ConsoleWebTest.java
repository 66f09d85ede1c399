package org.acopi.reporting.console;

import static org.acopi.reporting.Fixtures.eligibility;
import static org.acopi.reporting.Fixtures.npi;
import static org.acopi.reporting.Fixtures.profile;
import static org.acopi.reporting.Fixtures.score;
import static org.acopi.reporting.Fixtures.tin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.acopi.reporting.Fixtures;
import org.acopi.reporting.ReadModels;
import org.acopi.reporting.InMemoryMongo;
import org.acopi.reporting.acoprofile.AcoProfileRepository;
import org.acopi.reporting.participants.ParticipantUpdate;
import org.acopi.reporting.participants.SourceVersion;
import org.acopi.reporting.publicreport.ApmEntityScoreSummary;
import org.acopi.reporting.participants.ParticipantRepository;
import org.acopi.reporting.publicreport.PublicReports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The console's pages over stored read models, on mongo-java-server, with the console switched on and a fixed date. */
@SpringBootTest(properties = {"spring.kafka.listener.auto-startup=false", "acopi.topics.provision=false",
        "acopi.reporting.console.enabled=true"})
@AutoConfigureMockMvc
// an operations user who may also read the actuator's details (AccessControlTest covers who may not)
@WithMockUser(roles = {"OPERATIONS", "OPERATOR"})
class ConsoleWebTest {

    private static final String ACO = "A1001";
    private static final String HOSTILE = "A&B<1>";
    private static final String LEGAL_NAME = "Lakeshore Health Partners ACO, LLC";
    private static final InMemoryMongo MONGO = new InMemoryMongo();
    private static boolean seeded;

    @TestConfiguration
    static class FixedDate {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);
        }
    }

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

    @Autowired
    void seed(PublicReports reports, ParticipantRepository participantRepository, AcoProfileRepository profiles) {
        if (seeded) {
            return;
        }
        seeded = true;
        List<ParticipantUpdate> updates = new ArrayList<>();
        for (int n = 1; n <= 28; n++) {
            updates.add(eligibility(ACO).explanation("MIPS eligible clinician above the low-volume threshold")
                    .update(2026, tin(n <= 20 ? 1 : 2), npi(n)));
        }
        updates.add(eligibility(ACO).update(2026, tin(2), npi(29)));
        updates.add(score(ACO).scored(95, "GROUP").update(2026, tin(2), npi(29)));
        updates.add(eligibility(ACO).excluded("REWEIGHT_SMALL_PRACTICE").update(2026, tin(3), npi(30)));
        updates.add(score(ACO).scored(64, "GROUP").update(2026, tin(3), npi(30)));
        updates.add(eligibility(ACO).excluded("BELOW_LVT", "REWEIGHT_SMALL_PRACTICE").update(2026, tin(3), npi(31)));
        updates.add(eligibility(HOSTILE).update(2026, tin(9), npi(90)));
        ReadModels models = new ReadModels().participants(updates);
        profiles.apply(List.of(profile(ACO, LEGAL_NAME, 0, 0),
                profile(HOSTILE, "Smith & Jones <script>alert('x')</script> ACO", 0, 1)));
        models.apmEntityScores(List.of(new ApmEntityScoreSummary(ACO, 2026, "ROLLED_UP", 5.66, 30, 2, 1, null,
                "(95×1 + 64×1 + 0×26)/28 = 5.68", List.of(), "acopi-pi-rules/2026.1",
                new SourceVersion("acopi.apm-entity-scores.v1", 0, 0, Fixtures.T0.plusSeconds(999)))));
        participantRepository.store(models.storedParticipants());
        reports.store(models.storedTallies());
    }

    @Test
    void overviewListsEveryAcoWithItsCountsAndTheKeyDates() throws Exception {
        String html = page("/console", 200);
        assertThat(html).contains(LEGAL_NAME + " (ACO A1001)", "href=\"/console/acos/A1001/2026\"",
                "2026-07-05 (5 days left)", "2027-03-31 (274 days left)", "Enforced", "5.66",
                "Smith &amp; Jones &lt;script&gt;", "href=\"/console/acos/A&amp;B%3C1%3E/2026\"");
        assertThat(html).doesNotContain("<script>");
    }

    @Test
    void acoPageShowsBothLevelsTheInvariantTheFormulaAndCharts() throws Exception {
        String html = page("/console/acos/A1001/2026", 200);
        assertThat(html).contains("<h1>" + LEGAL_NAME + " (ACO A1001)</h1>", "N1 = N2 + N3", "holds",
                "(95×1 + 64×1 + 0×26)/28 = 5.68", "Average of the ACO&#39;s clinicians&#39; Promoting Interoperability scores (CMS QPP",
                "role=\"img\"", "Excluded TIN/NPIs by deciding reason", "<th scope=\"row\">BELOW_LVT</th>",
                "<th scope=\"row\">90–100</th><td class=\"num\">1</td>",
                "At risk: required to report PI, not scored", "<strong>28</strong> TIN/NPIs match; page 1 of 2",
                "*****0001", "Next page", "status=required_not_scored&amp;sort=tin&amp;page=2#list",
                "MIPS eligible clinician above the low-volume threshold", "2027-03-31");
        assertThat(html).doesNotContain(tin(1), tin(2), tin(3));
        assertThat(rows(html)).isEqualTo(25);
    }

    @Test
    void theListFiltersByTinSearchesSortsAndPages() throws Exception {
        assertThat(rows(page("/console/acos/A1001/2026?page=2", 200))).isEqualTo(3);
        assertThat(rows(page("/console/acos/A1001/2026?page=99", 200))).isEqualTo(3);
        String tin2 = page("/console/acos/A1001/2026?tin=0002", 200);
        assertThat(tin2).contains("<strong>8</strong> TIN/NPIs match").doesNotContain("*****0001</td>");
        assertThat(page("/console/acos/A1001/2026?q=" + npi(7), 200)).contains("<strong>1</strong> TIN/NPI match");
        String all = page("/console/acos/A1001/2026?status=all&sort=score", 200);
        assertThat(all).contains("<strong>31</strong> TIN/NPIs match");
        assertThat(all.indexOf(npi(29))).isLessThan(all.indexOf(npi(30)));
        assertThat(all.indexOf(npi(30))).isLessThan(all.indexOf(npi(1) + "<"));
        assertThat(page("/console/acos/A1001/2026?status=excluded_voluntarily_reported", 200))
                .contains("<strong>1</strong> TIN/NPI match", npi(30));
    }

    @Test
    void theCsvDownloadIsTheSelectionAsShownOnEveryPage() throws Exception {
        MvcResult result = mvc.perform(get("/console/acos/A1001/2026/participants.csv?status=required_not_scored&tin=0001"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"participants-2026-required_not_scored.csv\""))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn();
        String csv = result.getResponse().getContentAsString();
        assertThat(csv.lines()).hasSize(21);
        assertThat(csv).contains("*****0001").doesNotContain(tin(1));
        assertThat(page("/console/acos/A1001/2026", 200))
                .contains("href=\"/console/acos/A1001/2026/participants.csv?status=required_not_scored&amp;sort=tin\"");
    }

    @Test
    void clinicianPageSaysWhyWithEveryReasonItsSourceTheLevelsAndTheInputs() throws Exception {
        String html = page("/console/acos/A1001/2026/clinicians/" + npi(31) + "?tin=0003", 200);
        assertThat(html).contains("Clinician NPI " + npi(31) + " · TIN *****0003", "class=\"why\">Excluded from the PI requirement (BELOW_LVT)",
                "1 (deciding)", "Does not exceed the MIPS low-volume threshold.", "42 CFR 414.1310(b)(1)(iii)",
                "REWEIGHT_SMALL_PRACTICE", "acopi.participant-eligibility.v1", "acopi.roster.v1", "0-7")
                .doesNotContain(tin(3));
        String scored = page("/console/acos/A1001/2026/clinicians/" + npi(30) + "?tin=0003", 200);
        assertThat(scored).contains("Final score: <strong>64.00</strong> from the GROUP level", "<th scope=\"row\">GROUP</th>",
                "sub-1", "no submission at this level", "POST /api/v1/score-preview", "N3 excluded but voluntarily reported</th><td>yes");
        assertThat(page("/console/acos/A1001/2026/clinicians/" + npi(31), 200)).contains("*****0003");
    }

    @Test
    void badParametersAreA400PageAndUnknownsA404Page() throws Exception {
        for (String url : List.of("/console/acos/A1001/1999", "/console/acos/A1001/20x6", "/console/acos/A1001/2026?status=nope",
                "/console/acos/A1001/2026?page=0", "/console/acos/A1001/2026?sort=x", "/console/acos/A1001/2026?tin=12ab",
                "/console/acos/A1001/2026/clinicians/123", "/console/acos/A1001/2026/participants.csv?status=x")) {
            assertThat(page(url, 400)).as(url).contains("<h1>Bad request</h1>");
        }
        assertThat(page("/console/acos/A9999/2026", 404)).contains("ACO not found");
        assertThat(page("/console/acos/A9999/2026/participants.csv", 404)).contains("ACO not found");
        assertThat(page("/console/acos/A1001/2026/clinicians/" + npi(31) + "?tin=0001", 404)).contains("Clinician not found");
        assertThat(page("/console/acos/A1001/2026/clinicians/" + npi(31) + "?tin=" + tin(3), 404)).contains("Clinician not found");
    }

    @Test
    void everyPageForbidsScriptsAndIsEscaped() throws Exception {
        for (String url : List.of("/console", "/console/acos/A1001/2026", "/console/acos/A1001/1999", "/console/acos/A9999/2026")) {
            mvc.perform(get(url))
                    .andExpect(header().string("Content-Security-Policy", ConsoleHtml.CONTENT_SECURITY_POLICY))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Cache-Control", "no-store"));
        }
        String hostile = mvc.perform(get("/console/acos/{aco}/2026", HOSTILE)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(hostile).contains("Smith &amp; Jones &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; ACO (ACO A&amp;B&lt;1&gt;)")
                .doesNotContain("<script>");
    }

    private String page(String url, int expectedStatus) throws Exception {
        MvcResult result = mvc.perform(get(url)).andExpect(status().is(expectedStatus)).andReturn();
        return result.getResponse().getContentAsString();
    }

    private static int rows(String html) {
        int from = html.indexOf("aria-label=\"Participant list\"");
        if (from < 0) {
            return 0;
        }
        String table = html.substring(from, html.indexOf("</table>", from));
        return table.split("<tr><td>", -1).length - 1;
    }
}
