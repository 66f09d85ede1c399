package org.acopi.reporting.participants;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.acopi.contracts.ReasonCatalogue;
import org.acopi.contracts.ReasonCatalogue.Reason;

/**
 * The per-PY data behind the public-reporting counts (42 CFR 425.308(b)(9); docs/pi-rules.md §8, §11.1, §11.4,
 * §11.5): what each deciding reason code means for the counts, from the PY's shared reason catalogue (inside the
 * population that can earn a PI score, a basis for "excluded but voluntarily reported", an ACO exemption), and from
 * {@code rules/py<PY>/public-reporting.properties} the counting rules version and whether the requirement is enforced.
 * A CMS clarification is a data change.
 */
public final class CountingRules {

    private static final Map<Integer, CountingRules> BY_YEAR = new ConcurrentHashMap<>();

    private final int performanceYear;
    private final String rulesVersion;
    private final boolean enforced;
    private final ReasonCatalogue reasons;

    private CountingRules(int performanceYear, Properties data, ReasonCatalogue reasons) {
        this.performanceYear = performanceYear;
        this.rulesVersion = required(data, "rules-version");
        this.enforced = Boolean.parseBoolean(required(data, "enforced"));
        this.reasons = reasons;
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
        return reasons.codes(Reason::exemptsAco);
    }

    /**
     * Whether a unit this reason decides is a MIPS eligible clinician, QP or Partial QP on the ACO's Snapshot-3 list,
     * the only units 42 CFR 425.308(b)(9) counts as having earned a PI score (§8). A code this PY does not know (from
     * a newer eligibility-service) leaves the unit inside: its {@code sspRequired} still decides.
     */
    public boolean isInsideEarnedScoreUniverse(String decidingReason) {
        return reasons.find(decidingReason).map(Reason::inEarnedScoreUniverse).orElse(true);
    }

    /**
     * Whether an excluded unit this reason decides counts as "excluded but voluntarily reported" when it earned a
     * score: a PI reweighting basis of §7.3 rows 5–7 (first match wins; §11.4 item 10). Compromised data never are
     * (row 9, §11.4 item 8).
     */
    public boolean isVoluntaryReportingBasis(String decidingReason) {
        return reasons.find(decidingReason).map(Reason::voluntaryReportingBasis).orElse(false);
    }

    /** The catalogue's entry of a code, if this PY knows it. */
    public Optional<Reason> reason(String code) {
        return reasons.find(code);
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
            return new CountingRules(performanceYear, data, ReasonCatalogue.forYear(performanceYear));
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
}
