package org.acopi.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.acopi.local.PipelineWatch;
import org.acopi.local.loader.Dataset;
import org.acopi.local.loader.DatasetProducer;
import org.acopi.reporting.ReportingServiceApplication;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ACO operations console as a person sees it: headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, which .ci/run installs) driven by Selenium through the pages of the sample ACO on the
 * running end-to-end stack. It clicks from the overview to the ACO and to a clinician on its at-risk list, checks the
 * figures shown against the REST API, downloads the at-risk CSV, runs axe-core on every page (no serious or critical
 * violation), checks that a phone-sized screen does not scroll sideways, and saves screenshots under
 * {@code target/console-browser/}. Skipped (a JUnit assumption) only where no Chromium or ChromeDriver is installed.
 *
 * <p>The pages are served by a second reporting-service instance on the same Kafka and MongoDB with the console
 * switched on and its listeners off: it reads the read models the stack's own instance keeps.
 */
final class ConsoleInBrowser {

    private static final String ACO = "A1234";
    private static final int PY = 2026;
    private static final Path OUT = Path.of("target", "console-browser");
    private static final Duration CONVERGE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    private final ChromeDriver browser;
    private final String base;
    private final Path downloads;
    private int shot;

    private ConsoleInBrowser(ChromeDriver browser, String base, Path downloads) {
        this.browser = browser;
        this.base = base;
        this.downloads = downloads;
    }

    static void tour(String bootstrapServers, String mongoUri) throws Exception {
        Optional<Path> chromium = executable("chromium", "chromium-browser", "google-chrome");
        Optional<Path> driver = executable("chromedriver").or(() -> existing(Path.of("/usr/lib/chromium/chromedriver")));
        Assumptions.assumeTrue(chromium.isPresent() && driver.isPresent(),
                "no chromium and chromedriver on this machine (apt-get install chromium chromium-driver)");

        loadTheSample(bootstrapServers);
        Files.createDirectories(OUT);
        Path downloads = Files.createDirectories(OUT.resolve("downloads")).toAbsolutePath();
        try (Stream<Path> old = Files.list(downloads)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        ConfigurableApplicationContext console = startConsole(bootstrapServers, mongoUri);
        ChromeDriver browser = null;
        try {
            String base = "http://localhost:" + ((WebServerApplicationContext) console).getWebServer().getPort();
            browser = chrome(chromium.get(), driver.get(), downloads);
            new ConsoleInBrowser(browser, base, downloads).walkThrough();
        } finally {
            if (browser != null) {
                browser.quit();
            }
            console.close();
        }
    }

    private void walkThrough() throws Exception {
        JsonNode report = api("/api/v1/acos/" + ACO + "/public-reports/" + PY);
        JsonNode atRisk = api("/api/v1/acos/" + ACO + "/participants?performanceYear=" + PY + "&status=REQUIRED_NOT_SCORED");
        assertThat(atRisk.path("count").asInt()).as("the sample has clinicians at risk before its corrections").isPositive();

        // 0. the console needs an operations login: the browser is sent to the login form, then back
        browser.get(base + "/console");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        checkPage("login");
        browser.findElement(By.id("username")).sendKeys(InProcessServices.USER);
        browser.findElement(By.id("password")).sendKeys(InProcessServices.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        // 1. the overview: the ACO's row shows the report's figures
        assertThat(browser.getCurrentUrl()).startsWith(base + "/console");
        assertThat(browser.getTitle()).contains("ACOs");
        WebElement acoLink = browser.findElement(By.partialLinkText("(ACO " + ACO + ")"));
        List<String> cells = texts(acoLink.findElement(By.xpath("./ancestor::tr")).findElements(By.tagName("td")));
        JsonNode npis = report.path("providersSuppliers");
        assertThat(cells.subList(0, 5)).containsExactly(String.valueOf(PY), npis.path("earnedPiScore").asText(),
                npis.path("metRequirementNotExcluded").asText(), npis.path("excludedVoluntarilyReported").asText(),
                npis.path("requiredNotScored").asText());
        assertThat(cells.get(6)).isEqualTo(String.format(Locale.ROOT, "%.2f", report.at("/apmEntityScore/score").asDouble()));
        checkPage("overview");

        // 2. the ACO: counts at both levels, the invariant, the APM entity formula, the at-risk list
        acoLink.click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("ACO " + ACO);
        JsonNode tins = report.path("participants");
        for (String[] count : new String[][] {{"N1 earned a PI score", "earnedPiScore"},
                {"N2 required, not excluded, and earned a PI score", "metRequirementNotExcluded"},
                {"N3 excluded but voluntarily reported and earned a PI score", "excludedVoluntarilyReported"}}) {
            assertThat(rowCells("Public-reporting counts", count[0]))
                    .containsExactly(npis.path(count[1]).asText(), tins.path(count[1]).asText());
        }
        assertThat(rowCells("Public-reporting counts", "N1 = N2 + N3")).hasSize(2);
        assertThat(rowCells("Operations counts", "Required, not scored"))
                .containsExactly(npis.path("requiredNotScored").asText(), tins.path("requiredNotScored").asText());
        assertThat(browser.findElement(By.cssSelector("div[aria-label='APM entity PI score']")).getText())
                .contains(report.at("/apmEntityScore/formula").asText());
        assertThat(browser.findElements(By.cssSelector("svg[role='img']"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector("#list-count strong")).getText()).isEqualTo(atRisk.path("count").asText());
        List<WebElement> npiLinks = browser.findElements(By.cssSelector("div[aria-label='Participant list'] tbody td a"));
        assertThat(texts(npiLinks)).containsExactlyInAnyOrderElementsOf(
                nodes(atRisk.path("participants")).stream().map(p -> p.path("npi").asText()).toList());
        checkPage("aco");
        phone("aco-phone");

        // 3. the at-risk list as CSV, downloaded by the browser
        browser.findElement(By.id("csv-download")).click();
        Path csv = awaitDownload();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(atRisk.path("count").asInt() + 1);
        atRisk.path("participants").forEach(p -> assertThat(String.join("\n", lines)).contains(p.path("npi").asText()));
        Files.copy(csv, OUT.resolve("at-risk.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        // 4. a clinician at risk: why, in the API's words
        String npi = npiLinks.get(0).getText();
        npiLinks.get(0).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("NPI " + npi);
        JsonNode row = nodes(atRisk.path("participants")).stream().filter(p -> p.path("npi").asText().equals(npi)).findFirst()
                .orElseThrow();
        assertThat(browser.findElement(By.cssSelector(".why")).getText()).isEqualTo(row.path("explanation").asText());
        assertThat(browser.findElement(By.cssSelector("div[aria-label='Reasons']")).getText())
                .contains(row.path("decidingReason").asText(), "42 CFR");
        assertThat(browser.getPageSource()).doesNotContain(sampleTins());
        checkPage("clinician");

        // 5. a scored clinician with its candidate levels, and the public page
        JsonNode scored = api("/api/v1/acos/" + ACO + "/participants?performanceYear=" + PY + "&status=SCORED");
        JsonNode first = scored.path("participants").get(0);
        browser.get(base + "/console/acos/" + ACO + "/" + PY + "?status=scored&q=" + first.path("npi").asText());
        browser.findElement(By.linkText(first.path("npi").asText())).click();
        assertThat(browser.findElement(By.cssSelector("div[aria-label='Candidate scores']")).getText())
                .contains(first.path("scoreSource").asText());
        checkPage("clinician-scored");
        browser.get(base + "/acos/" + ACO + "/public-reporting/" + PY);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("ACO " + ACO);
        checkPage("public-page");
    }

    /** Runs axe-core on the page and saves a screenshot of it; fails on any serious or critical violation. */
    private void checkPage(String name) throws IOException {
        screenshot(name);
        browser.executeScript(axeSource());
        Object result = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document).then(r => done(JSON.stringify(r.violations)), e => done('axe failed: ' + e));""");
        String violations = String.valueOf(result);
        assertThat(violations).as("axe-core on " + name).doesNotStartWith("axe failed");
        List<String> serious = new ArrayList<>();
        for (JsonNode v : JSON.readTree(violations)) {
            String impact = v.path("impact").asText();
            if ("serious".equals(impact) || "critical".equals(impact)) {
                serious.add(v.path("id").asText() + " (" + impact + "): " + v.path("help").asText() + " at "
                        + nodes(v.path("nodes")).stream().limit(3).map(n -> n.path("target").toString()).toList());
            }
        }
        assertThat(serious).as("serious or critical accessibility violations on " + name + " (" + browser.getCurrentUrl() + ")")
                .isEmpty();
    }

    /** The page on a phone-sized screen: nothing but the wide tables' own regions may scroll sideways. */
    private void phone(String name) throws IOException {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        try {
            screenshot(name);
            Object overflow = browser.executeScript("""
                    const width = document.documentElement.clientWidth;
                    return [...document.querySelectorAll('body *')].filter(e => !e.closest('.scroll'))
                        .filter(e => e.getBoundingClientRect().right > width + 1)
                        .map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + e.getBoundingClientRect().right)
                        .slice(0, 5);""");
            assertThat((List<?>) overflow).as("elements wider than a phone's screen (only the tables may scroll sideways)")
                    .isEmpty();
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private void screenshot(String name) throws IOException {
        shot++;
        Files.write(OUT.resolve(String.format(Locale.ROOT, "%02d-%s.png", shot, name)), browser.getScreenshotAs(OutputType.BYTES));
    }

    private List<String> rowCells(String table, String rowHeader) {
        for (WebElement tr : browser.findElements(By.cssSelector("div[aria-label='" + table + "'] tbody tr"))) {
            if (tr.findElement(By.tagName("th")).getText().equals(rowHeader)) {
                return texts(tr.findElements(By.tagName("td")));
            }
        }
        throw new AssertionError("no row " + rowHeader + " in " + table);
    }

    private Path awaitDownload() throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            try (Stream<Path> files = Files.list(downloads)) {
                Optional<Path> done = files.filter(f -> f.getFileName().toString().endsWith(".csv")).findFirst();
                if (done.isPresent()) {
                    return done.get();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no CSV downloaded to " + downloads);
    }

    private JsonNode api(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", InProcessServices.basicAuthorization()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The sample's TINs in full, which no console page may show (the API masks them too: read them from the sample). */
    private static String[] sampleTins() throws IOException {
        return Files.readAllLines(Path.of("sample", "roster.csv")).stream().filter(l -> l.startsWith(ACO + ","))
                .map(l -> l.split(",")[2]).distinct().toArray(String[]::new);
    }

    private static List<JsonNode> nodes(JsonNode array) {
        List<JsonNode> all = new ArrayList<>();
        array.forEach(all::add);
        return all;
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }

    private static String axeSource() throws IOException {
        try (InputStream in = ConsoleInBrowser.class.getClassLoader().getResourceAsStream(AXE)) {
            assertThat(in).as(AXE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void loadTheSample(String bootstrapServers) throws Exception {
        Dataset sample = Dataset.parse(Path.of("sample"));
        try (DatasetProducer loader = new DatasetProducer(bootstrapServers)) {
            loader.send(sample);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            assertThat(new PipelineWatch(admin, List.of("acopi-eligibility", "acopi-scoring", "acopi-reporting-streams", "acopi-reporting"))
                    .awaitCaughtUp(CONVERGE)).as("pipeline caught up").isTrue();
        }
    }

    private static ConfigurableApplicationContext startConsole(String bootstrapServers, String mongoUri) {
        return new SpringApplicationBuilder(ReportingServiceApplication.class)
                .run("--spring.config.location=" + InProcessServices.ownConfig(ReportingServiceApplication.class),
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                        "--acopi.mongodb.uri=" + mongoUri,
                        "--spring.kafka.listener.auto-startup=false",
                        "--acopi.topics.provision=false",
                        "--acopi.security.users=" + InProcessServices.USER + ":" + InProcessServices.PASSWORD + ":operations",
                        "--spring.main.banner-mode=off");
    }

    private static ChromeDriver chrome(Path chromium, Path driver, Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // root on CI: Chromium's sandbox needs an unprivileged user; /dev/shm may be small in containers
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static Optional<Path> executable(String... names) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> existing(Path path) {
        return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
}
