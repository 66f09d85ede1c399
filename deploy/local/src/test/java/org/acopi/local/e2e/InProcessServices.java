package org.acopi.local.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.acopi.eligibility.EligibilityServiceApplication;
import org.acopi.reporting.ReportingServiceApplication;
import org.acopi.scoring.ScoringServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three acopi services running in this JVM against a real broker and a real MongoDB wire-protocol server, each in
 * its own Spring context on a random port, exactly as configured for production apart from addresses.
 */
final class InProcessServices implements AutoCloseable {

    /** The one submitter the HTTP ingestion endpoints accept here, and its bearer token. */
    static final String SUBMITTER = "e2e-ehr";
    static final String SUBMITTER_TOKEN = "e2e-token";
    /** The one login (roles operations and operator) of the participant views, previews, console and actuator. */
    static final String USER = "e2e-ops";
    static final String PASSWORD = "e2e-ops-password";

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final int reportingPort;
    private final int scoringPort;
    private final int eligibilityPort;

    InProcessServices(String bootstrapServers, String mongoUri, Path stateDir, String... extraArguments) {
        eligibilityPort = port(start(EligibilityServiceApplication.class, bootstrapServers, mongoUri, stateDir.resolve("eligibility"),
                extraArguments));
        scoringPort = port(start(ScoringServiceApplication.class, bootstrapServers, mongoUri, stateDir.resolve("scoring"),
                extraArguments));
        reportingPort = port(start(ReportingServiceApplication.class, bootstrapServers, mongoUri, stateDir.resolve("reporting"),
                extraArguments));
    }

    private ConfigurableApplicationContext start(Class<?> app, String bootstrapServers, String mongoUri, Path stateDir,
                                                 String... extraArguments) {
        // command-line arguments outrank each service's application.yml
        List<String> arguments = new ArrayList<>(List.of("--spring.config.location=" + ownConfig(app),
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--acopi.mongodb.uri=" + mongoUri,
                "--acopi.streams.state-dir=" + stateDir,
                "--acopi.ingest.submitters=" + SUBMITTER + ":" + SUBMITTER_TOKEN,
                "--acopi.security.users=" + USER + ":" + PASSWORD + ":operations+operator",
                "--spring.main.banner-mode=off"));
        arguments.addAll(List.of(extraArguments));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(app).run(arguments.toArray(String[]::new));
        contexts.add(context);
        return context;
    }

    /**
     * Every service ships its own {@code application.yml} at the same classpath path; in one JVM the first would win,
     * so each context is pointed at the file inside its own module.
     */
    static String ownConfig(Class<?> app) {
        String location = app.getProtectionDomain().getCodeSource().getLocation().toString();
        return location.endsWith(".jar") ? "jar:" + location + "!/application.yml" : location + "application.yml";
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The {@code Authorization} header value of {@link #USER}. */
    static String basicAuthorization() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (USER + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    String reportingUrl() {
        return "http://localhost:" + reportingPort;
    }

    String scoringUrl() {
        return "http://localhost:" + scoringPort;
    }

    String eligibilityUrl() {
        return "http://localhost:" + eligibilityPort;
    }

    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
    }
}
