package org.acopi.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.acopi.local.loader.AcoYear;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the public reports of the reporting-service ({@code GET /api/v1/acos/{acoId}/public-reports/{py}}), waits
 * until they stop changing, and prints them as a table or as JSON.
 */
final class PublicReports {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;

    PublicReports(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String reportUrl(AcoYear acoYear) {
        return baseUrl + "/api/v1/acos/" + encode(acoYear.acoId()) + "/public-reports/" + acoYear.performanceYear();
    }

    String pageUrl(AcoYear acoYear) {
        return baseUrl + "/acos/" + encode(acoYear.acoId()) + "/public-reporting/" + acoYear.performanceYear();
    }

    String participantsUrl(AcoYear acoYear) {
        return baseUrl + "/api/v1/acos/" + encode(acoYear.acoId()) + "/participants?performanceYear=" + acoYear.performanceYear();
    }

    /**
     * Polls every report until two consecutive reads agree (ignoring {@code asOf}); reports still missing at the
     * deadline are absent from the result.
     */
    Map<AcoYear, JsonNode> awaitStable(List<AcoYear> acoYears, Duration timeout) {
        Map<AcoYear, JsonNode> stable = new LinkedHashMap<>();
        Map<AcoYear, JsonNode> previous = new LinkedHashMap<>();
        Instant deadline = Instant.now().plus(timeout);
        while (stable.size() < acoYears.size() && Instant.now().isBefore(deadline)) {
            for (AcoYear acoYear : acoYears) {
                if (stable.containsKey(acoYear)) {
                    continue;
                }
                Optional<JsonNode> report = fetch(acoYear);
                if (report.isPresent() && previous.containsKey(acoYear)
                        && withoutAsOf(previous.get(acoYear)).equals(withoutAsOf(report.get()))) {
                    stable.put(acoYear, report.get());
                }
                report.ifPresent(r -> previous.put(acoYear, r));
            }
            if (stable.size() < acoYears.size()) {
                Sleeps.pause(Duration.ofMillis(1500));
            }
        }
        for (AcoYear acoYear : acoYears) {
            if (!stable.containsKey(acoYear) && previous.containsKey(acoYear)) {
                Progress.warn("the report of " + acoYear + " was still changing; printing the latest read");
                stable.put(acoYear, previous.get(acoYear));
            }
        }
        return stable;
    }

    Optional<JsonNode> fetch(AcoYear acoYear) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(reportUrl(acoYear)))
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException | tools.jackson.core.JacksonException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void printJson(Map<AcoYear, JsonNode> reports, PrintStream out) {
        ArrayNode array = JSON.createArrayNode();
        reports.values().forEach(array::add);
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array));
        out.flush();
    }

    void printTable(List<AcoYear> acoYears, Map<AcoYear, JsonNode> reports, PrintStream out) {
        for (AcoYear acoYear : acoYears) {
            out.println();
            JsonNode report = reports.get(acoYear);
            if (report == null) {
                out.println("ACO " + acoYear.acoId() + ", PY" + acoYear.performanceYear() + ": no public report yet ("
                        + reportUrl(acoYear) + ")");
                continue;
            }
            out.print(table(acoYear, report));
            out.println("  Public report (JSON): " + reportUrl(acoYear));
            out.println("  Public-reporting page: " + pageUrl(acoYear));
            out.println("  Participants:          " + participantsUrl(acoYear)
                    + " (operations login, curl -u; status filter: &status=REQUIRED_NOT_SCORED, ...; CSV: participants.csv)");
        }
    }

    static String table(AcoYear acoYear, JsonNode report) {
        StringBuilder s = new StringBuilder();
        String legalName = report.path("aco").path("legalName").asString("");
        s.append(legalName.isBlank() ? "" : legalName + ", ").append("ACO ").append(acoYear.acoId())
                .append(" - performance year ").append(acoYear.performanceYear())
                .append(" - Promoting Interoperability public reporting (42 CFR 425.308(b)(9))\n");
        s.append("  SSP PI requirement enforced: ").append(yesNo(report.path("enforced")));
        if (report.path("exempt").asBoolean(false)) {
            s.append("; ACO exempt (").append(report.path("exemptReason").asString("")).append(")");
        }
        s.append('\n');
        JsonNode npi = report.path("providersSuppliers");
        JsonNode tin = report.path("participants");
        s.append(String.format("  %-48s %22s %20s%n", "", "providers/suppliers", "participants (TIN)"));
        s.append(row("Earned a PI score", npi, tin, "earnedPiScore"));
        s.append(row("Met the requirement and not excluded", npi, tin, "metRequirementNotExcluded"));
        s.append(row("Excluded but voluntarily reported", npi, tin, "excludedVoluntarilyReported"));
        s.append("  operations:\n");
        s.append(row("  Required to report PI", npi, tin, "required"));
        s.append(row("  Excluded", npi, tin, "excluded"));
        s.append(row("  Required but not scored yet", npi, tin, "requiredNotScored"));
        if (npi.path("determinationPending").asInt(0) > 0 || tin.path("determinationPending").asInt(0) > 0) {
            s.append(row("  Determination pending", npi, tin, "determinationPending"));
        }
        s.append("  Excluded by reason (TIN/NPI): ").append(reasons(npi.path("excludedByReason"))).append('\n');
        JsonNode apm = report.path("apmEntityScore");
        s.append("  APM entity PI score: ");
        if (apm.isMissingNode() || apm.isNull()) {
            s.append("not computed yet\n");
        } else {
            JsonNode score = apm.path("score");
            s.append(score.isNumber() ? String.format("%.2f", score.doubleValue()) : "none (PI reweighted)")
                    .append(" (").append(apm.path("method").asString("?")).append("; ")
                    .append(apm.path("cliniciansCounted").asString("?")).append(" clinicians counted, ")
                    .append(apm.path("leftOutReweighted").asString("?")).append(" left out as reweighted)\n");
        }
        s.append("  As of: ").append(report.path("asOf").asString("?")).append('\n');
        return s.toString();
    }

    private static String row(String label, JsonNode npi, JsonNode tin, String field) {
        return String.format("  %-48s %22s %20s%n", label, npi.path(field).asString("?"), tin.path(field).asString("?"));
    }

    private static String reasons(JsonNode byReason) {
        if (!byReason.isObject() || byReason.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        byReason.properties().forEach(e -> parts.add(e.getKey() + " " + e.getValue().asString()));
        return parts.stream().collect(Collectors.joining(", "));
    }

    private static String yesNo(JsonNode node) {
        return node.isBoolean() ? (node.booleanValue() ? "yes" : "no") : "?";
    }

    private static JsonNode withoutAsOf(JsonNode report) {
        if (!report.isObject()) {
            return report;
        }
        ObjectNode copy = ((ObjectNode) report).deepCopy();
        copy.remove("asOf");
        return copy;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
