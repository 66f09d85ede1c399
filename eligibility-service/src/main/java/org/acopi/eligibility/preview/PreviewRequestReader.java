package org.acopi.eligibility.preview;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.acopi.contracts.EventKeys;
import org.acopi.contracts.Identifiers;
import org.acopi.eligibility.domain.EligibilityInputs;
import org.acopi.eligibility.domain.EligibilityRules;
import org.acopi.eligibility.domain.InputProblem;
import org.acopi.eligibility.domain.InputValidator;
import org.acopi.eligibility.domain.RosterPosition;
import org.acopi.events.AcoProfile;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.HardshipBasis;
import org.acopi.events.HardshipDecision;
import org.acopi.events.HardshipLevel;
import org.acopi.events.HardshipStatus;
import org.acopi.events.Program;
import org.acopi.events.QpStatus;
import org.acopi.events.RosterEntry;
import org.acopi.events.RosterStatus;
import org.acopi.events.SpecialStatus;
import org.acopi.events.Track;
import tools.jackson.databind.JsonNode;

/**
 * Reads an eligibility-preview request ({@code acoProfile}, {@code roster}, {@code facts}, {@code hardships}, with the
 * field names of the dataset CSV files) into the inputs of the determination, collecting every problem instead of
 * stopping at the first. Missing {@code facts} mean "facts pending"; a missing {@code acoProfile} means an MSSP ACO
 * with the PY's default enforcement. Absent identifiers of facts and hardships default to the roster's.
 */
final class PreviewRequestReader {

    private static final Instant UNSET = Instant.EPOCH;

    private final EligibilityRules rules;
    private final InputValidator validator;
    private final List<InputProblem> problems = new ArrayList<>();

    PreviewRequestReader(EligibilityRules rules, InputValidator validator) {
        this.rules = rules;
        this.validator = validator;
    }

    /** The inputs, or null when {@link #problems()} is not empty. */
    EligibilityInputs read(JsonNode body) {
        if (body == null || !body.isObject()) {
            problem(InputProblem.INVALID_VALUE, "", "the request body must be a JSON object");
            return null;
        }
        RosterEntry roster = roster(body.get("roster"));
        if (roster == null) {
            return null;
        }
        AcoProfile aco = acoProfile(body.get("acoProfile"), roster);
        ClinicianFacts facts = facts(body.get("facts"), roster);
        List<HardshipDecision> hardships = hardships(body.get("hardships"), roster);
        if (!problems.isEmpty()) {
            return null;
        }
        int deciding = rules.forYear(roster.getPerformanceYear()).decidingSnapshot();
        return new EligibilityInputs(aco, RosterPosition.of(roster, deciding), facts, null, hardships);
    }

    List<InputProblem> problems() {
        return problems;
    }

    private RosterEntry roster(JsonNode node) {
        if (!isObject(node, "roster", true)) {
            return null;
        }
        Fields f = new Fields(node, "roster");
        Integer year = f.integer("performanceYear", null);
        String tin = f.text("tin", null);
        String npi = f.text("npi", null);
        String acoId = f.text("acoId", null);
        String type = f.text("clinicianType", null);
        Integer snapshot = f.integer("snapshot", null);
        RosterStatus status = f.enumValue("status", RosterStatus.class, RosterStatus.ACTIVE);
        Instant recordedAt = f.instant("recordedAt", UNSET);
        String eventId = f.text("eventId", "preview");
        if (f.failed) {
            return null;
        }
        RosterEntry entry = RosterEntry.newBuilder().setEventId(eventId).setAcoId(acoId).setPerformanceYear(year)
                .setTin(tin).setNpi(npi).setClinicianType(type).setSnapshot(snapshot).setStatus(status)
                .setRecordedAt(recordedAt).build();
        return validated("roster", validator.roster(null, entry), entry);
    }

    private AcoProfile acoProfile(JsonNode node, RosterEntry roster) {
        if (!isObject(node, "acoProfile", false)) {
            return null;
        }
        Fields f = new Fields(node, "acoProfile");
        String acoId = f.text("acoId", roster.getAcoId());
        Integer year = f.integer("performanceYear", roster.getPerformanceYear());
        Program program = f.enumValue("program", Program.class, Program.MSSP);
        Track track = f.enumValue("track", Track.class, null);
        Boolean allFqhc = f.bool("allFqhcRhc", false);
        String legalName = f.text("legalName", "");
        String url = f.text("publicReportingUrl", null);
        Instant updatedAt = f.instant("updatedAt", UNSET);
        if (f.failed) {
            return null;
        }
        AcoProfile profile = AcoProfile.newBuilder().setAcoId(acoId).setPerformanceYear(year).setLegalName(legalName)
                .setProgram(program).setTrack(track).setAllFqhcRhc(allFqhc).setPublicReportingUrl(url)
                .setUpdatedAt(updatedAt).build();
        consistent("acoProfile.acoId", acoId, roster.getAcoId());
        consistent("acoProfile.performanceYear", year, roster.getPerformanceYear());
        return validated("acoProfile", validator.acoProfile(null, profile), profile);
    }

    private ClinicianFacts facts(JsonNode node, RosterEntry roster) {
        if (!isObject(node, "facts", false)) {
            return null;
        }
        Fields f = new Fields(node, "facts");
        Integer year = f.integer("performanceYear", roster.getPerformanceYear());
        String tin = f.text("tin", roster.getTin());
        String npi = f.text("npi", roster.getNpi());
        Boolean mipsEligible = f.bool("mipsEligible", null);
        Boolean aboveLvt = f.bool("exceedsLowVolumeThreshold", null);
        QpStatus qp = f.enumValue("qpStatus", QpStatus.class, QpStatus.NONE);
        List<SpecialStatus> statuses = f.enumList("specialStatuses", SpecialStatus.class);
        List<SpecialStatus> tinStatuses = f.enumList("tinSpecialStatuses", SpecialStatus.class);
        Boolean fqhc = f.bool("fqhcRhcOnly", false);
        Boolean euc = f.bool("automaticEuc", false);
        Boolean compromised = f.bool("dataCompromised", false);
        Boolean elects = f.bool("partialQpElectsMips", false);
        String virtualGroupId = f.text("virtualGroupId", null);
        Integer snapshot = f.integer("snapshot", roster.getSnapshot());
        Instant asOf = f.instant("asOf", UNSET);
        if (f.failed) {
            return null;
        }
        ClinicianFacts facts = ClinicianFacts.newBuilder().setPerformanceYear(year).setTin(tin).setNpi(npi)
                .setMipsEligible(mipsEligible).setExceedsLowVolumeThreshold(aboveLvt).setQpStatus(qp)
                .setSpecialStatuses(statuses).setTinSpecialStatuses(tinStatuses).setFqhcRhcOnly(fqhc)
                .setAutomaticEuc(euc).setDataCompromised(compromised).setPartialQpElectsMips(elects)
                .setVirtualGroupId(virtualGroupId).setSnapshot(snapshot).setAsOf(asOf).build();
        consistent("facts.performanceYear", year, roster.getPerformanceYear());
        consistent("facts.tin", tin, roster.getTin());
        consistent("facts.npi", npi, roster.getNpi());
        return validated("facts", validator.facts(null, facts), facts);
    }

    private List<HardshipDecision> hardships(JsonNode node, RosterEntry roster) {
        List<HardshipDecision> decisions = new ArrayList<>();
        if (node == null || node.isNull()) {
            return decisions;
        }
        if (!node.isArray()) {
            problem(InputProblem.INVALID_VALUE, "hardships", "hardships must be an array");
            return decisions;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "hardships[" + i + "]";
            if (!isObject(node.get(i), path, true)) {
                continue;
            }
            Fields f = new Fields(node.get(i), path);
            Integer year = f.integer("performanceYear", roster.getPerformanceYear());
            String tin = f.text("tin", roster.getTin());
            String npi = f.text("npi", roster.getNpi());
            HardshipBasis basis = f.requiredEnum("basis", HardshipBasis.class);
            HardshipStatus status = f.requiredEnum("status", HardshipStatus.class);
            Instant decidedAt = f.instant("decidedAt", UNSET);
            String eventId = f.text("eventId", "preview-" + (i + 1));
            if (f.failed) {
                continue;
            }
            boolean wholeTin = EventKeys.WHOLE_TIN.equals(npi) || npi == null || npi.isEmpty();
            HardshipDecision decision = HardshipDecision.newBuilder().setEventId(eventId).setPerformanceYear(year)
                    .setTin(tin).setNpi(wholeTin ? null : npi).setLevel(wholeTin ? HardshipLevel.TIN : HardshipLevel.INDIVIDUAL)
                    .setBasis(basis).setStatus(status).setDecidedAt(decidedAt).build();
            consistent(path + ".performanceYear", year, roster.getPerformanceYear());
            consistent(path + ".tin", tin, roster.getTin());
            if (!wholeTin) {
                consistent(path + ".npi", npi, roster.getNpi());
            }
            HardshipDecision valid = validated(path, validator.hardship(null, decision), decision);
            if (valid != null) {
                decisions.add(valid);
            }
        }
        return decisions;
    }

    private boolean isObject(JsonNode node, String path, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                problem(InputProblem.MISSING_FIELD, path, path + " is required");
            }
            return false;
        }
        if (!node.isObject()) {
            problem(InputProblem.INVALID_VALUE, path, path + " must be a JSON object");
            return false;
        }
        return true;
    }

    private <T> T validated(String path, List<InputProblem> found, T value) {
        for (InputProblem p : found) {
            problem(p.code(), path + "." + p.field(), p.message());
        }
        return found.isEmpty() ? value : null;
    }

    private void consistent(String path, Object given, Object roster) {
        if (!Objects.equals(given, roster)) {
            problem(InputProblem.INCONSISTENT_INPUTS, path, path + " does not match the roster entry");
        }
    }

    private void problem(String code, String field, String message) {
        problems.add(new InputProblem(code, field, Identifiers.maskKey(message)));
    }

    /** Typed access to one object's fields, recording a problem per unreadable field. */
    private final class Fields {
        private final JsonNode node;
        private final String path;
        private boolean failed;

        Fields(JsonNode node, String path) {
            this.node = node;
            this.path = path;
        }

        private JsonNode value(String name) {
            JsonNode v = node.get(name);
            return v == null || v.isNull() || (v.isString() && v.stringValue().isBlank()) ? null : v;
        }

        void require(String name) {
            fail(InputProblem.MISSING_FIELD, name, "is required");
        }

        String text(String name, String fallback) {
            JsonNode v = value(name);
            if (v == null) {
                if (fallback == null && required(name)) {
                    require(name);
                }
                return fallback;
            }
            if (!v.isString() && !v.isNumber()) {
                fail(InputProblem.INVALID_VALUE, name, "must be a string");
                return null;
            }
            return v.asString().strip();
        }

        Integer integer(String name, Integer fallback) {
            JsonNode v = value(name);
            if (v == null) {
                if (fallback == null) {
                    require(name);
                }
                return fallback;
            }
            if (v.isIntegralNumber() && v.canConvertToInt()) {
                return v.intValue();
            }
            if (v.isString() && v.stringValue().strip().matches("-?\\d{1,9}")) {
                return Integer.parseInt(v.stringValue().strip());
            }
            fail(InputProblem.INVALID_VALUE, name, "must be a whole number");
            return null;
        }

        Boolean bool(String name, Boolean fallback) {
            JsonNode v = value(name);
            if (v == null) {
                if (fallback == null) {
                    require(name);
                }
                return fallback;
            }
            if (v.isBoolean()) {
                return v.booleanValue();
            }
            if (v.isString() && (v.stringValue().equalsIgnoreCase("true") || v.stringValue().equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(v.stringValue());
            }
            fail(InputProblem.INVALID_VALUE, name, "must be true or false");
            return null;
        }

        <E extends Enum<E>> E enumValue(String name, Class<E> type, E fallback) {
            JsonNode v = value(name);
            if (v == null) {
                return fallback;
            }
            return parseEnum(name, type, v.asString().strip());
        }

        <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
            if (value(name) == null) {
                require(name);
                return null;
            }
            return enumValue(name, type, null);
        }

        <E extends Enum<E>> List<E> enumList(String name, Class<E> type) {
            JsonNode v = value(name);
            List<E> values = new ArrayList<>();
            if (v == null) {
                return values;
            }
            List<String> items = new ArrayList<>();
            if (v.isArray()) {
                v.forEach(item -> items.add(item.asString().strip()));
            } else if (v.isString()) {
                // the CSV form: "SMALL_PRACTICE;HOSPITAL_BASED"
                Arrays.stream(v.stringValue().split("[;|,]")).map(String::strip).filter(s -> !s.isEmpty()).forEach(items::add);
            } else {
                fail(InputProblem.INVALID_VALUE, name, "must be an array of " + Arrays.toString(type.getEnumConstants()));
                return values;
            }
            for (String item : items) {
                E parsed = parseEnum(name, type, item);
                if (parsed != null && !values.contains(parsed)) {
                    values.add(parsed);
                }
            }
            return values;
        }

        Instant instant(String name, Instant fallback) {
            JsonNode v = value(name);
            if (v == null) {
                return fallback;
            }
            String s = v.asString().strip();
            try {
                return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(s);
            } catch (DateTimeParseException e) {
                fail(InputProblem.INVALID_VALUE, name, "must be a date (2026-12-01) or an instant (2026-12-01T00:00:00Z)");
                return null;
            }
        }

        private <E extends Enum<E>> E parseEnum(String name, Class<E> type, String value) {
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                fail(InputProblem.INVALID_VALUE, name, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
                return null;
            }
        }

        private boolean required(String name) {
            return !name.equals("publicReportingUrl") && !name.equals("virtualGroupId");
        }

        private void fail(String code, String name, String message) {
            failed = true;
            problem(code, path + "." + name, path + "." + name + " " + message);
        }
    }
}
