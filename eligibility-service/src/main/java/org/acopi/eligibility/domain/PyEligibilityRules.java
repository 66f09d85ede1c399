package org.acopi.eligibility.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.acopi.contracts.ReasonCatalogue;
import org.acopi.contracts.ReasonCatalogue.Reason;
import org.acopi.events.HardshipBasis;
import org.acopi.events.Program;
import org.acopi.events.SpecialStatus;
import org.acopi.events.Track;
import tools.jackson.databind.JsonNode;

/**
 * The MSSP PI reporting eligibility rules of one performance year (42 CFR 425.507; docs/pi-rules.md §7 and §11), read from
 * {@code rules/py<year>/eligibility.json}: SSP programs, enforcement by track (§11.1), the deciding APM snapshot
 * and what a later removal does (§7.4, §11.3), MIPS eligible clinician types (§7.3 row 3), automatic and application-based PI reweighting bases (§7.3 rows
 * 5-7, §11.4 item 8), QP handling (§11.4 item 7) and the facts-pending presumption. What each reason code means, and
 * the precedence among them, comes from the PY's shared {@link ReasonCatalogue}. Every value that may change by PY
 * lives in those two files, not here.
 */
public final class PyEligibilityRules {

    private final int performanceYear;
    private final String rulesVersion;
    private final Set<Program> sspPrograms;
    private final boolean enforcedByDefault;
    private final Map<Track, Boolean> enforcedByTrack;
    private final int decidingSnapshot;
    private final Set<Integer> validSnapshots;
    private final boolean removalAfterDecidingSnapshotWithdraws;
    private final Set<String> mipsEligibleTypes;
    private final Set<String> notMipsEligibleTypes;
    private final boolean qppNotEligibleFlagExcludesNonQp;
    private final Set<SpecialStatus> reweightingSpecialStatuses;
    private final boolean automaticEucReweights;
    private final boolean dataCompromisedReweights;
    private final Set<HardshipBasis> hardshipReweightingBases;
    private final boolean partialQpElectionMakesMipsRequired;
    private final boolean factsPendingPresumesSspRequired;
    private final boolean factsPendingPresumesMipsPiRequired;
    private final ReasonCatalogue reasons;

    private PyEligibilityRules(JsonNode json, ReasonCatalogue reasons, String source) {
        Reader r = new Reader(json, source);
        this.performanceYear = r.integer("performanceYear");
        this.rulesVersion = r.text("rulesVersion");
        this.sspPrograms = r.enumSet("program", "sspPrograms", Program.class);
        this.enforcedByDefault = r.bool("enforcement", "default");
        Map<Track, Boolean> byTrack = new EnumMap<>(Track.class);
        r.section("enforcement").path("byTrack").properties()
                .forEach(e -> byTrack.put(r.enumValue(Track.class, e.getKey(), "enforcement.byTrack"), e.getValue().asBoolean()));
        this.enforcedByTrack = Collections.unmodifiableMap(byTrack);
        this.decidingSnapshot = r.section("snapshot").path("decidingSnapshot").asInt(0);
        this.validSnapshots = Collections.unmodifiableSet(new TreeSet<>(r.list("snapshot", "validSnapshots", JsonNode::asInt)));
        this.removalAfterDecidingSnapshotWithdraws = r.bool("snapshot", "removalAfterDecidingSnapshotWithdraws");
        this.mipsEligibleTypes = Set.copyOf(r.list("clinicianTypes", "mipsEligible", JsonNode::asString));
        this.notMipsEligibleTypes = Set.copyOf(r.list("clinicianTypes", "notMipsEligible", JsonNode::asString));
        this.qppNotEligibleFlagExcludesNonQp = r.bool("qppMipsEligibleFlag", "falseExcludesNonQp");
        this.reweightingSpecialStatuses = r.enumSet("automaticReweighting", "specialStatuses", SpecialStatus.class);
        this.automaticEucReweights = r.bool("automaticReweighting", "automaticEuc");
        this.dataCompromisedReweights = r.bool("automaticReweighting", "dataCompromised");
        this.hardshipReweightingBases = r.enumSet("hardshipApplications", "reweightingBases", HardshipBasis.class);
        this.partialQpElectionMakesMipsRequired = r.bool("qualifyingApmParticipants", "partialQpElectionMakesMipsRequired");
        this.factsPendingPresumesSspRequired = r.bool("factsPending", "presumeSspRequired");
        this.factsPendingPresumesMipsPiRequired = r.bool("factsPending", "presumeMipsPiRequired");
        this.reasons = reasons;
        if (reasons.performanceYear() != performanceYear) {
            throw r.invalid("the reason catalogue " + reasons.version() + " is of PY" + reasons.performanceYear());
        }
        checkComplete(r);
    }

    /** Parses one PY's rules document against the PY's reason catalogue; {@code source} names it in error messages. */
    static PyEligibilityRules parse(JsonNode json, ReasonCatalogue reasons, String source) {
        return new PyEligibilityRules(json, reasons, source);
    }

    private void checkComplete(Reader r) {
        if (!validSnapshots.contains(decidingSnapshot)) {
            throw r.invalid("snapshot.decidingSnapshot must be one of validSnapshots");
        }
        if (!Collections.disjoint(mipsEligibleTypes, notMipsEligibleTypes)) {
            throw r.invalid("clinicianTypes: a type cannot be both MIPS eligible and not");
        }
        Set<String> producible = new LinkedHashSet<>(List.of(ReasonCodes.ROSTER_REMOVED, ReasonCodes.NOT_MSSP,
                ReasonCodes.ACO_ALL_FQHC, ReasonCodes.NOT_IN_SNAPSHOT3, ReasonCodes.FQHC_RHC_NOT_MIPS_EC,
                ReasonCodes.NOT_MIPS_EC_TYPE, ReasonCodes.BELOW_LVT, ReasonCodes.REWEIGHT_AUTO_EUC,
                ReasonCodes.REWEIGHT_DATA_COMPROMISED, ReasonCodes.FACTS_PENDING, ReasonCodes.QP_SSP_ONLY,
                ReasonCodes.PARTIAL_QP_SSP, ReasonCodes.REQUIRED));
        reweightingSpecialStatuses.forEach(s -> producible.add(ReasonCodes.reweighting(s)));
        hardshipReweightingBases.forEach(b -> producible.add(ReasonCodes.reweighting(b)));
        List<String> missing = producible.stream().filter(code -> reasons.find(code).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw r.invalid("the reason catalogue " + reasons.version() + " has no entry for " + missing);
        }
        for (String alone : List.of(ReasonCodes.FACTS_PENDING, ReasonCodes.QP_SSP_ONLY, ReasonCodes.PARTIAL_QP_SSP, ReasonCodes.REQUIRED)) {
            if (reasons.reason(alone).excluded()) {
                throw r.invalid("reasons: " + alone + " applies only when nothing excludes, so it cannot be excluded");
            }
        }
    }

    public int performanceYear() {
        return performanceYear;
    }

    /** For example {@code acopi-eligibility-rules/2026.1}; carried by every determination. */
    public String rulesVersion() {
        return rulesVersion;
    }

    public boolean isSspProgram(Program program) {
        return sspPrograms.contains(program);
    }

    /** Whether CMS enforces the SSP PI requirement for this PY on the track (§11.1); null track = the PY default. */
    public boolean enforced(Track track) {
        return track == null ? enforcedByDefault : enforcedByTrack.getOrDefault(track, enforcedByDefault);
    }

    /** The APM snapshot whose participation list decides who is subject (§7.4): 3. */
    public int decidingSnapshot() {
        return decidingSnapshot;
    }

    /**
     * Whether a REMOVED record at a snapshot after the deciding one withdraws the determination of a TIN/NPI that was on
     * the deciding-snapshot list (§7.4: mid-year leavers UNCONFIRMED; default false, the deciding snapshot decides).
     */
    public boolean removalAfterDecidingSnapshotWithdraws() {
        return removalAfterDecidingSnapshotWithdraws;
    }

    public boolean isValidSnapshot(int snapshot) {
        return validSnapshots.contains(snapshot);
    }

    public boolean isKnownClinicianType(String type) {
        return mipsEligibleTypes.contains(type) || notMipsEligibleTypes.contains(type);
    }

    public boolean isMipsEligibleType(String type) {
        return mipsEligibleTypes.contains(type);
    }

    public Set<String> knownClinicianTypes() {
        Set<String> all = new TreeSet<>(mipsEligibleTypes);
        all.addAll(notMipsEligibleTypes);
        return Collections.unmodifiableSet(all);
    }

    public boolean qppNotEligibleFlagExcludesNonQp() {
        return qppNotEligibleFlagExcludesNonQp;
    }

    public boolean reweights(SpecialStatus status) {
        return reweightingSpecialStatuses.contains(status);
    }

    public boolean automaticEucReweights() {
        return automaticEucReweights;
    }

    public boolean dataCompromisedReweights() {
        return dataCompromisedReweights;
    }

    public boolean reweights(HardshipBasis basis) {
        return hardshipReweightingBases.contains(basis);
    }

    public boolean partialQpElectionMakesMipsRequired() {
        return partialQpElectionMakesMipsRequired;
    }

    public boolean factsPendingPresumesSspRequired() {
        return factsPendingPresumesSspRequired;
    }

    public boolean factsPendingPresumesMipsPiRequired() {
        return factsPendingPresumesMipsPiRequired;
    }

    /** What a reason code this PY knows means (the shared catalogue's entry). */
    public Reason reason(String code) {
        return reasons.reason(code);
    }

    /** Every reason of this PY, in precedence order. */
    public List<Reason> reasons() {
        return reasons.reasons();
    }

    /** The codes in precedence order (the first is the deciding one). */
    List<String> ordered(Set<String> codes) {
        return reasons.ordered(codes);
    }

    /** Reads the JSON document with error messages that name the file and the field. */
    private static final class Reader {
        private final JsonNode root;
        private final String source;

        Reader(JsonNode root, String source) {
            this.root = root;
            this.source = source;
        }

        JsonNode section(String name) {
            JsonNode node = root.get(name);
            if (node == null || !node.isObject()) {
                throw invalid("missing section " + name);
            }
            return node;
        }

        int integer(String field) {
            JsonNode node = root.get(field);
            if (node == null || !node.isInt()) {
                throw invalid("missing integer " + field);
            }
            return node.intValue();
        }

        String text(String field) {
            JsonNode node = root.get(field);
            if (node == null || !node.isString() || node.stringValue().isBlank()) {
                throw invalid("missing text " + field);
            }
            return node.stringValue();
        }

        boolean bool(String section, String field) {
            JsonNode node = section(section).get(field);
            if (node == null || !node.isBoolean()) {
                throw invalid("missing boolean " + section + "." + field);
            }
            return node.booleanValue();
        }

        JsonNode array(String field) {
            JsonNode node = root.get(field);
            if (node == null || !node.isArray()) {
                throw invalid("missing array " + field);
            }
            return node;
        }

        <T> List<T> list(String section, String field, Function<JsonNode, T> item) {
            JsonNode node = section(section).get(field);
            if (node == null || !node.isArray()) {
                throw invalid("missing array " + section + "." + field);
            }
            List<T> values = new ArrayList<>();
            node.forEach(n -> values.add(item.apply(n)));
            return values;
        }

        <E extends Enum<E>> Set<E> enumSet(String section, String field, Class<E> type) {
            Set<E> values = EnumSet.noneOf(type);
            list(section, field, JsonNode::asString).forEach(v -> values.add(enumValue(type, v, section + "." + field)));
            return Collections.unmodifiableSet(values);
        }

        <E extends Enum<E>> E enumValue(Class<E> type, String value, String where) {
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw invalid(where + ": unknown " + type.getSimpleName() + " " + value);
            }
        }

        IllegalStateException invalid(String problem) {
            return new IllegalStateException(source + ": " + problem);
        }
    }
}
