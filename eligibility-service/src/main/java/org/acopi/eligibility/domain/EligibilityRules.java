package org.acopi.eligibility.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.acopi.contracts.Identifiers;
import org.acopi.contracts.ReasonCatalogue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MSSP PI reporting eligibility rules of every performance year acopi supports (42 CFR 425.507; docs/pi-rules.md §7,
 * §11; PY2025 and PY2026 today). Each PY is a data file {@code rules/py<year>/eligibility.json}; every PY accepted at
 * the edge ({@link Identifiers#supportedYears()}) must have one, so adding PY2027 is a data change.
 */
public final class EligibilityRules {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Map<Integer, PyEligibilityRules> byYear;

    private EligibilityRules(Map<Integer, PyEligibilityRules> byYear) {
        this.byYear = Collections.unmodifiableMap(new TreeMap<>(byYear));
    }

    /** Loads the rules of every supported PY from the classpath; fails if one is missing or malformed. */
    public static EligibilityRules load() {
        return load(Identifiers.supportedYears());
    }

    /** Loads the rules of the given PYs from the classpath. */
    public static EligibilityRules load(Set<Integer> years) {
        Map<Integer, PyEligibilityRules> rules = new TreeMap<>();
        for (int year : years) {
            rules.put(year, read(year));
        }
        return new EligibilityRules(rules);
    }

    /** Parses one PY's rules document against that PY's shipped reason catalogue (for tests and tools). */
    public static PyEligibilityRules parse(String json, String source) {
        JsonNode tree = JSON.readTree(json);
        return PyEligibilityRules.parse(tree, ReasonCatalogue.forYear(tree.path("performanceYear").asInt()), source);
    }

    /** Parses one PY's rules document against the given reason catalogue (for tests of alternative rules data). */
    public static PyEligibilityRules parse(String json, ReasonCatalogue reasons, String source) {
        return PyEligibilityRules.parse(JSON.readTree(json), reasons, source);
    }

    /** Rules made of already-parsed years. */
    public static EligibilityRules of(PyEligibilityRules... years) {
        Map<Integer, PyEligibilityRules> rules = new TreeMap<>();
        for (PyEligibilityRules year : years) {
            rules.put(year.performanceYear(), year);
        }
        return new EligibilityRules(rules);
    }

    private static PyEligibilityRules read(int year) {
        String path = "rules/py" + year + "/eligibility.json";
        try (InputStream in = EligibilityRules.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing: every supported PY needs eligibility rules");
            }
            JsonNode json = JSON.readTree(in);
            PyEligibilityRules rules = PyEligibilityRules.parse(json, ReasonCatalogue.forYear(year), path);
            if (rules.performanceYear() != year) {
                throw new IllegalStateException(path + " declares performanceYear " + rules.performanceYear());
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean supports(int performanceYear) {
        return byYear.containsKey(performanceYear);
    }

    public Optional<PyEligibilityRules> find(int performanceYear) {
        return Optional.ofNullable(byYear.get(performanceYear));
    }

    /** The rules of a supported PY. */
    public PyEligibilityRules forYear(int performanceYear) {
        PyEligibilityRules rules = byYear.get(performanceYear);
        if (rules == null) {
            throw new IllegalArgumentException("no eligibility rules for PY" + performanceYear);
        }
        return rules;
    }

    public Set<Integer> years() {
        return byYear.keySet();
    }
}
