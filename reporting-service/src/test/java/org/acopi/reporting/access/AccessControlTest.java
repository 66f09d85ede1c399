package org.acopi.reporting.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.Metrics;
import org.acopi.reporting.InMemoryMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who may read what on reporting-service, with real logins from {@code acopi.security.users} (one stored as a bcrypt
 * hash): the public-reporting page and report JSON are open; participant views, CSV and the console need role
 * operations; actuator details and the Prometheus scrape need role operator.
 */
@SpringBootTest(properties = {"spring.kafka.listener.auto-startup=false", "acopi.topics.provision=false"})
@AutoConfigureMockMvc
class AccessControlTest {

    private static final InMemoryMongo MONGO = new InMemoryMongo();
    private static final String PARTICIPANTS = "/api/v1/acos/A1001/participants?performanceYear=2026";
    private static final String CSV = "/api/v1/acos/A1001/participants.csv?performanceYear=2026";
    private static final String CONSOLE = "/console/acos/A1001/2026";

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("acopi.mongodb.uri", MONGO::uri);
        registry.add("acopi.security.users", () -> "ops:ops-secret:operations,"
                + "sre:{bcrypt}" + new BCryptPasswordEncoder().encode("sre:secret") + ":operator,"
                + "lead:lead-secret:operations+operator");
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Test
    void anyoneReadsThePublicPageTheReportAndHealthWithoutDetails() throws Exception {
        mvc.perform(get("/acos/A1001/public-reporting/2026")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/acos/A1001/public-reports/2026")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("NOT_FOUND"));
        // DOWN here (no broker), so 503: the status is public, the components are not
        mvc.perform(get("/actuator/health"))
                .andExpect(jsonPath("$.status").exists())
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void anAnonymousRequestForParticipantsIsRefusedWithACode() throws Exception {
        double before = refused(401);
        for (String path : new String[] {PARTICIPANTS, CSV, "/actuator/prometheus", "/actuator/info"}) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
                    .andExpect(jsonPath("$.error").value("UNAUTHENTICATED"));
        }
        assertThat(refused(401)).isEqualTo(before + 4);
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        mvc.perform(get(PARTICIPANTS).with(httpBasic("ops", "guess"))).andExpect(status().isUnauthorized());
        mvc.perform(get(PARTICIPANTS).with(httpBasic("nobody", "ops-secret"))).andExpect(status().isUnauthorized());
    }

    @Test
    void operationsReadsParticipantsCsvAndTheConsoleButNotTheActuatorDetails() throws Exception {
        // nothing is stored for A1001: let in, and told so
        mvc.perform(get(PARTICIPANTS).with(httpBasic("ops", "ops-secret"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("NOT_FOUND"));
        mvc.perform(get(CSV).with(httpBasic("ops", "ops-secret"))).andExpect(status().isNotFound());
        mvc.perform(get("/console").with(httpBasic("ops", "ops-secret"))).andExpect(status().isOk());
        double before = refused(403);
        mvc.perform(get("/actuator/prometheus").with(httpBasic("ops", "ops-secret"))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("FORBIDDEN"));
        assertThat(refused(403)).isEqualTo(before + 1);
        mvc.perform(get("/actuator/health").with(httpBasic("ops", "ops-secret")))
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void anOperatorReadsMetricsAndHealthDetailsButNoParticipant() throws Exception {
        mvc.perform(get(PARTICIPANTS)).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("sre", "sre:secret"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("acopi_http_refused_total")));
        mvc.perform(get("/actuator/health").with(httpBasic("sre", "sre:secret")))
                .andExpect(jsonPath("$.components").exists());
        mvc.perform(get(PARTICIPANTS).with(httpBasic("sre", "sre:secret"))).andExpect(status().isForbidden());
        mvc.perform(get("/console").with(httpBasic("sre", "sre:secret"))).andExpect(status().isForbidden());
    }

    @Test
    void aPersonOpeningTheConsoleLogsInWithTheFormAndKeepsASession() throws Exception {
        mvc.perform(get(CONSOLE)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk());
        mvc.perform(post("/login").param("username", "lead").param("password", "wrong").with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login?error"));
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login")
                        .param("username", "lead").param("password", "lead-secret").with(csrf()))
                .andExpect(status().isFound())
                .andReturn().getRequest().getSession();
        mvc.perform(get("/console").session(session)).andExpect(status().isOk());
        mvc.perform(get(CONSOLE).session(session)).andExpect(status().isNotFound());
        // the login form without its CSRF token is refused: another site cannot log a browser in
        mvc.perform(post("/login").param("username", "lead").param("password", "lead-secret"))
                .andExpect(status().isForbidden());
    }

    private static double refused(int status) {
        return Metrics.globalRegistry.find("acopi.http.refused").tag("status", Integer.toString(status)).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
