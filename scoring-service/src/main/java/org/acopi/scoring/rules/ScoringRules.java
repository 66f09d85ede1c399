package org.acopi.scoring.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.acopi.contracts.Identifiers;
import org.acopi.events.EntityType;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MIPS Promoting Interoperability scoring rules of every supported performance year (docs/pi-rules.md §1–§5; PY2025
 * and PY2026 today). The years are data: {@code rules/performance-years.txt} lists them and each has a folder
 * {@code rules/py<year>/} with CMS's measures data and acopi's {@code scoring.json}, so adding a PY needs no code.
 * {@link #score} validates a measurement set at the edge (identifiers, PY) and against §2.6, and scores it.
 */
public final class ScoringRules {

    private static final String BASE = "rules/";

    private final Map<Integer, PerformanceYearRules> years;

    private ScoringRules(Map<Integer, PerformanceYearRules> years) {
        this.years = Collections.unmodifiableMap(years);
    }

    /** Loads the rules of every year listed in {@code rules/performance-years.txt} on the class path. */
    public static ScoringRules fromClasspath() {
        ClassLoader loader = ScoringRules.class.getClassLoader();
        JsonMapper mapper = rulesMapper();
        Map<Integer, PerformanceYearRules> years = new TreeMap<>();
        for (String line : read(loader, BASE + "performance-years.txt").split("\\R")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            int year = Integer.parseInt(entry);
            years.put(year, loadYear(loader, mapper, year, tree -> { }));
        }
        if (years.isEmpty()) {
            throw new IllegalStateException(BASE + "performance-years.txt lists no performance year");
        }
        return new ScoringRules(years);
    }

    /**
     * One year's rules from the class path with its {@code scoring.json} changed by {@code edit} first (comments already
     * dropped), so that a configurable default can be exercised with its other value.
     */
    static PerformanceYearRules loadYear(int year, Consumer<ObjectNode> edit) {
        return loadYear(ScoringRules.class.getClassLoader(), rulesMapper(), year, edit);
    }

    private static JsonMapper rulesMapper() {
        return JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    private static PerformanceYearRules loadYear(ClassLoader loader, JsonMapper mapper, int year,
                                                 Consumer<ObjectNode> edit) {
        String folder = BASE + "py" + year + "/";
        String scoringFile = folder + "scoring.json";
        JsonNode tree = mapper.readTree(read(loader, scoringFile));
        dropComments(tree);
        edit.accept((ObjectNode) tree);
        ScoringData data = mapper.treeToValue(tree, ScoringData.class);
        if (data.performanceYear() != year) {
            throw new IllegalStateException(scoringFile + ": performanceYear is " + data.performanceYear());
        }
        String measuresFile = folder + data.measuresData();
        MeasureCatalogue catalogue = MeasureCatalogue.parse(mapper.readTree(read(loader, measuresFile)), measuresFile);
        return new PerformanceYearRules(data, catalogue, scoringFile);
    }

    private static void dropComments(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(e -> e.getKey().startsWith("_"));
            object.forEach(ScoringRules::dropComments);
        } else if (node.isArray()) {
            node.forEach(ScoringRules::dropComments);
        }
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Set<Integer> performanceYears() {
        return years.keySet();
    }

    public boolean supports(int performanceYear) {
        return years.containsKey(performanceYear);
    }

    /** The rules of one year; throws for an unsupported year. */
    public PerformanceYearRules year(int performanceYear) {
        PerformanceYearRules rules = years.get(performanceYear);
        if (rules == null) {
            throw new IllegalArgumentException("no PI scoring rules for PY" + performanceYear);
        }
        return rules;
    }

    /** Edge checks of the submitting entity and the PY (design.md §4): what a withdrawal must pass. */
    public List<Problem> validateIdentity(PiMeasurementSet set) {
        ProblemList problems = new ProblemList();
        checkIdentity(set, problems);
        return problems.toList();
    }

    /** Every problem of a measurement set: edge checks, then docs/pi-rules.md §2.6 for its PY. */
    public List<Problem> validate(PiMeasurementSet set) {
        ProblemList problems = new ProblemList();
        checkIdentity(set, problems);
        if (supports(set.performanceYear())) {
            years.get(set.performanceYear()).validate(set, problems);
        }
        return problems.toList();
    }

    /** Validates and scores: a set with any problem is rejected (valid=false, score null) and not scored. */
    public PiScore score(PiMeasurementSet set) {
        List<Problem> problems = validate(set);
        PerformanceYearRules rules = years.get(set.performanceYear());
        String version = rules == null ? null : rules.rulesVersion();
        if (!problems.isEmpty()) {
            return PiScore.rejected(set.performanceYear(), problems, version);
        }
        return rules.score(set);
    }

    private void checkIdentity(PiMeasurementSet set, ProblemList problems) {
        if (!supports(set.performanceYear())) {
            problems.add(ProblemCode.PERFORMANCE_YEAR_UNSUPPORTED, "PY" + set.performanceYear()
                    + " is not supported; supported: " + years.keySet());
        }
        SubmittingEntity entity = set.entity();
        if (entity == null || entity.type() == null) {
            problems.add(ProblemCode.ENTITY_TYPE_INVALID, ProblemCode.ENTITY_TYPE_INVALID.description());
            return;
        }
        EntityType type = entity.type();
        if ((type == EntityType.INDIVIDUAL || type == EntityType.GROUP) && !Identifiers.isTin(entity.tin())) {
            problems.add(ProblemCode.TIN_INVALID, "the " + type.name().toLowerCase() + " TIN is missing or not 9 digits");
        }
        if (type == EntityType.INDIVIDUAL && !Identifiers.isNpi(entity.npi())) {
            problems.add(ProblemCode.NPI_INVALID, "the NPI is missing, not 10 digits, or fails the Luhn check");
        }
        if (type == EntityType.VIRTUAL_GROUP && isBlank(entity.virtualGroupId())) {
            problems.add(ProblemCode.ENTITY_ID_MISSING, "a virtual group submission needs virtualGroupId");
        }
        if (type == EntityType.APM_ENTITY && isBlank(entity.apmEntityId())) {
            problems.add(ProblemCode.ENTITY_ID_MISSING, "an APM entity submission needs apmEntityId");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
