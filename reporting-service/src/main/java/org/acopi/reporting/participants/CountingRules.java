package org.acopi.reporting.participants;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-PY data behind the public-reporting counts (42 CFR 425.308(b)(9); pi-rules.md §8, §11.1, §11.4, §11.5):
 * which deciding reason codes are reweighting bases for "excluded but voluntarily reported", which leave a unit
 * outside the "earned a PI score" population, which make the ACO exempt, and whether the requirement is enforced.
 * Read from {@code rules/py<PY>/public-reporting.properties}; a CMS clarification is a data change.
 */
public final class CountingRules {

    private static final Map<Integer, CountingRules> BY_YEAR = new ConcurrentHashMap<>();

    private final int performanceYear;
    private final String rulesVersion;
    private final boolean enforced;
    private final List<String> voluntaryReportingBases;
    private final List<String> voluntaryReportingNot;
    private final List<String> earnedScoreOutsideUniverse;
    private final List<String> acoExemptReasons;

    private CountingRules(int performanceYear, Properties data) {
        this.performanceYear = performanceYear;
        this.rulesVersion = required(data, "rules-version");
        this.enforced = Boolean.parseBoolean(required(data, "enforced"));
        this.voluntaryReportingBases = list(data, "voluntary-reporting-bases");
        this.voluntaryReportingNot = list(data, "voluntary-reporting-not");
        this.earnedScoreOutsideUniverse = list(data, "earned-score-outside-universe");
        this.acoExemptReasons = list(data, "aco-exempt-reasons");
    }

    /** The rules of a performance year; fails for a year without rules data. */
    public static CountingRules forYear(int performanceYear) {
        return BY_YEAR.computeIfAbsent(performanceYear, CountingRules::load);
    }

    public static boolean exists(int performanceYear) {
        return CountingRules.class.getResource(resource(performanceYear)) != null;
    }

    public int performanceYear() {
        return performanceYear;
    }

    public String rulesVersion() {
        return rulesVersion;
    }

    /** Whether CMS enforces the SSP PI requirement in this PY when no determination says otherwise (§11.1). */
    public boolean enforcedByDefault() {
        return enforced;
    }

    /**
     * Reason codes that, carried by every counted participant, exempt the ACO from PI reporting and the related public
     * reporting: made up entirely of FQHCs/RHCs (§7.3 row 2, §11.3), or not an MSSP ACO (§11.1).
     */
    public List<String> acoExemptReasons() {
        return acoExemptReasons;
    }

    /**
     * Whether a determination excludes under a reweighting basis of §7.3 rows 5–7 (or row 8's own code): its deciding
     * (first) reason is one, since the exclusion is the first match of §7.3 and §11.4 item 10 counts a unit under its
     * first code; and none of its reasons is row 9's compromised data, which vetoes wherever it stands (§11.4 item 8).
     */
    public boolean isVoluntaryReportingBasis(List<String> reasonCodes) {
        return !reasonCodes.isEmpty()
                && matchesAny(voluntaryReportingBases, reasonCodes.get(0))
                && reasonCodes.stream().noneMatch(code -> matchesAny(voluntaryReportingNot, code));
    }

    public boolean isOutsideEarnedScoreUniverse(String decidingReason) {
        return matchesAny(earnedScoreOutsideUniverse, decidingReason);
    }

    private static boolean matchesAny(List<String> patterns, String code) {
        if (code == null) {
            return false;
        }
        for (String pattern : patterns) {
            boolean matches = pattern.endsWith("*")
                    ? code.startsWith(pattern.substring(0, pattern.length() - 1))
                    : code.equals(pattern);
            if (matches) {
                return true;
            }
        }
        return false;
    }

    private static String resource(int performanceYear) {
        return "/rules/py" + performanceYear + "/public-reporting.properties";
    }

    private static CountingRules load(int performanceYear) {
        try (InputStream in = CountingRules.class.getResourceAsStream(resource(performanceYear))) {
            if (in == null) {
                throw new IllegalArgumentException("no public-reporting rules for PY" + performanceYear);
            }
            Properties data = new Properties();
            data.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new CountingRules(performanceYear, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(Properties data, String key) {
        String value = data.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("public-reporting rules lack " + key);
        }
        return value.strip();
    }

    private static List<String> list(Properties data, String key) {
        return Arrays.stream(data.getProperty(key, "").split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
