package org.acopi.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.acopi.events.ReweightingKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reason codes of the MSSP PI determination (42 CFR 425.507; docs/pi-rules.md §7.3, §8, §11.4) and what each
 * means in one performance year, read from {@code contracts/reasons/py<year>.json}: whether it excludes from the
 * Shared Savings Program requirement, its MIPS PI effect, the reweighting it stands for, whether a unit it decides is
 * inside the population that can "earn a PI score" in the public counts of 42 CFR 425.308(b)(9), whether it is part
 * of the APM entity roll-up, whether it is a basis for "excluded but voluntarily reported", whether it exempts the
 * ACO, its words and its CMS source. The list order is the precedence (the first applicable code decides).
 *
 * <p>eligibility-service, scoring-service and reporting-service all read this one catalogue, so a code means the
 * same thing everywhere and a CMS clarification is a change to one data file.
 */
public final class ReasonCatalogue {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Map<Integer, ReasonCatalogue> BY_YEAR = new ConcurrentHashMap<>();

    /**
     * What one reason code means in a PY. {@code label} is a few words for sentences ("below the MIPS low-volume
     * threshold"), {@code text} the full explanation, {@code source} the CMS source it rests on.
     */
    public record Reason(String code, boolean excluded, boolean mipsExcluded, ReweightingKind reweighting,
                         boolean inEarnedScoreUniverse, boolean inApmEntityRollup, boolean voluntaryReportingBasis,
                         boolean exemptsAco, List<String> implies, String label, String text, String source) {

        public Reason {
            implies = List.copyOf(implies);
        }

        /** The code, its words and its source, as shown to a compliance officer. */
        public String explained() {
            return code + ": " + text + " (" + source + ")";
        }
    }

    /**
     * A reason code scoring-service puts on a clinician or APM entity score (why there is no score, or where it comes
     * from), with its words and CMS source.
     */
    public record ScoreReason(String code, String text, String source) {

        public String explained() {
            return code + ": " + text + " (" + source + ")";
        }
    }

    private final int performanceYear;
    private final String version;
    private final Map<String, Reason> byCode;
    private final Map<String, Integer> precedence;
    private final Map<String, ScoreReason> scoreReasons;

    private ReasonCatalogue(int performanceYear, String version, List<Reason> reasons, List<ScoreReason> scoreReasons,
                            String source) {
        this.performanceYear = performanceYear;
        this.version = version;
        Map<String, ScoreReason> scores = new LinkedHashMap<>();
        for (ScoreReason reason : scoreReasons) {
            if (reason.code().isBlank() || reason.text().isBlank() || reason.source().isBlank()
                    || scores.put(reason.code(), reason) != null) {
                throw new IllegalStateException(source + ": score reason '" + reason.code()
                        + "' is listed twice or lacks a code, text or source");
            }
        }
        this.scoreReasons = Collections.unmodifiableMap(scores);
        Map<String, Reason> codes = new LinkedHashMap<>();
        Map<String, Integer> order = new LinkedHashMap<>();
        for (Reason reason : reasons) {
            if (codes.put(reason.code(), reason) != null) {
                throw new IllegalStateException(source + ": reason " + reason.code() + " is listed twice");
            }
            order.put(reason.code(), order.size());
        }
        this.byCode = Collections.unmodifiableMap(codes);
        this.precedence = Collections.unmodifiableMap(order);
        check(source);
    }

    /** The catalogue of a supported performance year; fails for a year without one. */
    public static ReasonCatalogue forYear(int performanceYear) {
        return BY_YEAR.computeIfAbsent(performanceYear, ReasonCatalogue::load);
    }

    /** Parses a catalogue document (for tests of alternative data); {@code source} names it in errors. */
    public static ReasonCatalogue parse(String json, String source) {
        return parse(JSON.readTree(json), source);
    }

    public int performanceYear() {
        return performanceYear;
    }

    /** For example {@code acopi-reasons/2026.1}. */
    public String version() {
        return version;
    }

    /** Every reason of the PY in precedence order. */
    public List<Reason> reasons() {
        return List.copyOf(byCode.values());
    }

    public Optional<Reason> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The reason of a code the PY knows; fails otherwise. */
    public Reason reason(String code) {
        return find(code).orElseThrow(() ->
                new IllegalArgumentException("PY" + performanceYear + " has no reason code " + code));
    }

    /** A reason code of clinician and APM entity scores ({@code scoreReasons}), if the PY knows it. */
    public Optional<ScoreReason> findScoreReason(String code) {
        return Optional.ofNullable(code == null ? null : scoreReasons.get(code));
    }

    public List<ScoreReason> scoreReasons() {
        return List.copyOf(scoreReasons.values());
    }

    /** The codes whose reason satisfies {@code test}, in precedence order. */
    public List<String> codes(Predicate<Reason> test) {
        return byCode.values().stream().filter(test).map(Reason::code).toList();
    }

    /** The codes in precedence order (the first is the deciding one); every code must be known. */
    public List<String> ordered(Collection<String> codes) {
        List<String> sorted = new ArrayList<>(codes);
        sorted.forEach(this::reason);
        sorted.sort((a, b) -> Integer.compare(precedence.get(a), precedence.get(b)));
        return sorted;
    }

    /**
     * The invariants that make the public counts add up (N1 = N2 + N3, docs/pi-rules.md §8): a code that does not
     * exclude is inside the earned-score population and no voluntary-reporting basis; a voluntary-reporting basis
     * excludes, is inside the population and stands for a reweighting.
     */
    private void check(String source) {
        for (Reason r : byCode.values()) {
            if (r.code().isBlank() || r.label().isBlank() || r.text().isBlank() || r.source().isBlank()) {
                throw new IllegalStateException(source + ": every reason needs a code, label, text and source (" + r.code() + ")");
            }
            if (!byCode.keySet().containsAll(r.implies())) {
                throw new IllegalStateException(source + ": " + r.code() + " implies an unknown code " + r.implies());
            }
            if (!r.excluded() && (!r.inEarnedScoreUniverse() || r.voluntaryReportingBasis() || r.exemptsAco())) {
                throw new IllegalStateException(source + ": " + r.code()
                        + " does not exclude, so it must be inside the earned-score population and neither a voluntary-reporting basis nor an ACO exemption");
            }
            if (r.voluntaryReportingBasis() && (!r.inEarnedScoreUniverse() || r.reweighting() == ReweightingKind.NONE)) {
                throw new IllegalStateException(source + ": " + r.code()
                        + " is a voluntary-reporting basis, so it must stand for a reweighting and be inside the earned-score population");
            }
        }
    }

    private static ReasonCatalogue load(int performanceYear) {
        String path = "contracts/reasons/py" + performanceYear + ".json";
        try (InputStream in = ReasonCatalogue.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no reason catalogue for PY" + performanceYear + " (" + path + ")");
            }
            ReasonCatalogue catalogue = parse(JSON.readTree(in), path);
            if (catalogue.performanceYear() != performanceYear) {
                throw new IllegalStateException(path + " declares performanceYear " + catalogue.performanceYear());
            }
            return catalogue;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ReasonCatalogue parse(JsonNode root, String source) {
        List<Reason> reasons = new ArrayList<>();
        JsonNode list = root.path("reasons");
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalStateException(source + ": missing array reasons");
        }
        for (JsonNode n : list) {
            String code = n.path("code").asString("");
            List<String> implies = new ArrayList<>();
            n.path("implies").forEach(i -> implies.add(i.asString()));
            reasons.add(new Reason(code,
                    bool(n, "excluded", source, code),
                    bool(n, "mipsExcluded", source, code),
                    reweighting(n.path("reweighting").asString(""), source, code),
                    bool(n, "inEarnedScoreUniverse", source, code),
                    bool(n, "inApmEntityRollup", source, code),
                    bool(n, "voluntaryReportingBasis", source, code),
                    bool(n, "exemptsAco", source, code),
                    implies,
                    n.path("label").asString(""),
                    n.path("text").asString(""),
                    n.path("source").asString("")));
        }
        List<ScoreReason> scoreReasons = new ArrayList<>();
        root.path("scoreReasons").forEach(n -> scoreReasons.add(new ScoreReason(n.path("code").asString(""),
                n.path("text").asString(""), n.path("source").asString(""))));
        JsonNode year = root.path("performanceYear");
        String version = root.path("catalogueVersion").asString("");
        if (!year.isInt() || version.isBlank()) {
            throw new IllegalStateException(source + ": missing performanceYear or catalogueVersion");
        }
        return new ReasonCatalogue(year.intValue(), version, reasons, scoreReasons, source);
    }

    private static boolean bool(JsonNode reason, String field, String source, String code) {
        JsonNode value = reason.get(field);
        if (value == null || !value.isBoolean()) {
            throw new IllegalStateException(source + ": reason " + code + " lacks boolean " + field);
        }
        return value.booleanValue();
    }

    private static ReweightingKind reweighting(String value, String source, String code) {
        try {
            return ReweightingKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + ": reason " + code + " has unknown reweighting '" + value + "'");
        }
    }
}
