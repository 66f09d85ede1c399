package org.acopi.eligibility.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.acopi.contracts.EventKeys;
import org.acopi.contracts.Identifiers;
import org.acopi.events.AcoProfile;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.HardshipDecision;
import org.acopi.events.HardshipLevel;
import org.acopi.events.RosterEntry;

/**
 * Edge validation of the eligibility inputs (design.md §4; docs/pi-rules.md §7.2): TIN 9 digits, NPI with its Luhn check,
 * a PY with eligibility rules, APM snapshot 1-4 and a known clinician type per the PY's rules, a virtual group id
 * (when present) non-blank and at most {@value #MAX_VIRTUAL_GROUP_ID_LENGTH} characters, hardship level matching its
 * key, and the record key matching the value. Messages never contain a TIN. A null key skips the key check.
 */
public final class InputValidator {

    static final int MAX_VIRTUAL_GROUP_ID_LENGTH = 64;

    private final EligibilityRules rules;

    public InputValidator(EligibilityRules rules) {
        this.rules = rules;
    }

    public List<InputProblem> roster(String key, RosterEntry entry) {
        List<InputProblem> problems = new ArrayList<>();
        if (entry == null) {
            return List.of(new InputProblem(InputProblem.MISSING_VALUE, "roster", "no roster record"));
        }
        year(problems, entry.getPerformanceYear());
        tin(problems, entry.getTin());
        npi(problems, "npi", entry.getNpi());
        if (blank(entry.getAcoId())) {
            problems.add(new InputProblem(InputProblem.MISSING_FIELD, "acoId", "acoId is blank"));
        }
        rules.find(entry.getPerformanceYear()).ifPresent(py -> {
            if (!py.isValidSnapshot(entry.getSnapshot())) {
                problems.add(new InputProblem(InputProblem.INVALID_SNAPSHOT, "snapshot",
                        "APM snapshot " + entry.getSnapshot() + " is not one of 1-4"));
            }
            if (!py.isKnownClinicianType(entry.getClinicianType())) {
                problems.add(new InputProblem(InputProblem.UNKNOWN_CLINICIAN_TYPE, "clinicianType",
                        "clinician type '" + entry.getClinicianType() + "' is not one of " + py.knownClinicianTypes()));
            }
        });
        key(problems, key, () -> EventKeys.clinician(entry.getPerformanceYear(), entry.getTin(), entry.getNpi()));
        return problems;
    }

    public List<InputProblem> facts(String key, ClinicianFacts facts) {
        if (facts == null) {
            return List.of(new InputProblem(InputProblem.MISSING_VALUE, "facts", "no clinician facts"));
        }
        List<InputProblem> problems = new ArrayList<>();
        year(problems, facts.getPerformanceYear());
        tin(problems, facts.getTin());
        npi(problems, "npi", facts.getNpi());
        rules.find(facts.getPerformanceYear()).ifPresent(py -> {
            if (!py.isValidSnapshot(facts.getSnapshot())) {
                problems.add(new InputProblem(InputProblem.INVALID_SNAPSHOT, "snapshot",
                        "APM snapshot " + facts.getSnapshot() + " is not one of 1-4"));
            }
        });
        virtualGroup(problems, facts.getVirtualGroupId());
        key(problems, key, () -> EventKeys.clinician(facts.getPerformanceYear(), facts.getTin(), facts.getNpi()));
        return problems;
    }

    public List<InputProblem> hardship(String key, HardshipDecision decision) {
        if (decision == null) {
            return List.of(new InputProblem(InputProblem.MISSING_VALUE, "hardship", "no hardship decision"));
        }
        List<InputProblem> problems = new ArrayList<>();
        year(problems, decision.getPerformanceYear());
        tin(problems, decision.getTin());
        if (decision.getLevel() == HardshipLevel.INDIVIDUAL) {
            npi(problems, "npi", decision.getNpi());
        } else if (decision.getNpi() != null && !EventKeys.WHOLE_TIN.equals(decision.getNpi())) {
            problems.add(new InputProblem(InputProblem.INVALID_HARDSHIP_LEVEL, "npi",
                    "a TIN-level hardship applies to the whole TIN and names no NPI"));
        }
        key(problems, key, () -> hardshipKey(decision));
        return problems;
    }

    public List<InputProblem> acoProfile(String key, AcoProfile profile) {
        if (profile == null) {
            return List.of(new InputProblem(InputProblem.MISSING_VALUE, "acoProfile", "no ACO profile"));
        }
        List<InputProblem> problems = new ArrayList<>();
        year(problems, profile.getPerformanceYear());
        if (blank(profile.getAcoId())) {
            problems.add(new InputProblem(InputProblem.MISSING_FIELD, "acoId", "acoId is blank"));
        }
        key(problems, key, () -> EventKeys.acoYear(profile.getAcoId(), profile.getPerformanceYear()));
        return problems;
    }

    /** The key a hardship decision is published under: {@code {py}:{tin}:{npi}} or {@code {py}:{tin}:*}. */
    public static String hardshipKey(HardshipDecision decision) {
        return decision.getLevel() == HardshipLevel.TIN
                ? EventKeys.wholeTin(decision.getPerformanceYear(), decision.getTin())
                : EventKeys.clinician(decision.getPerformanceYear(), decision.getTin(), decision.getNpi());
    }

    private void year(List<InputProblem> problems, int performanceYear) {
        if (!Identifiers.isSupportedYear(performanceYear) || !rules.supports(performanceYear)) {
            problems.add(new InputProblem(InputProblem.UNSUPPORTED_PY, "performanceYear",
                    "performance year " + performanceYear + " is not supported (supported: " + rules.years() + ")"));
        }
    }

    private static void tin(List<InputProblem> problems, String tin) {
        if (!Identifiers.isTin(tin)) {
            problems.add(new InputProblem(InputProblem.INVALID_TIN, "tin", "TIN " + Identifiers.maskTin(tin) + " is not 9 digits"));
        }
    }

    private static void npi(List<InputProblem> problems, String field, String npi) {
        if (!Identifiers.isNpi(npi)) {
            problems.add(new InputProblem(InputProblem.INVALID_NPI, field,
                    "NPI " + Identifiers.maskKey(npi) + " is not 10 digits with a valid check digit"));
        }
    }

    private static void virtualGroup(List<InputProblem> problems, String virtualGroupId) {
        if (virtualGroupId == null) {
            return;
        }
        if (virtualGroupId.isBlank()) {
            problems.add(new InputProblem(InputProblem.INVALID_VIRTUAL_GROUP, "virtualGroupId",
                    "virtualGroupId is blank; omit it (null) when the TIN is in no virtual group"));
        } else if (virtualGroupId.length() > MAX_VIRTUAL_GROUP_ID_LENGTH) {
            problems.add(new InputProblem(InputProblem.INVALID_VIRTUAL_GROUP, "virtualGroupId", "virtualGroupId has "
                    + virtualGroupId.length() + " characters, more than " + MAX_VIRTUAL_GROUP_ID_LENGTH));
        }
    }

    private static void key(List<InputProblem> problems, String key, java.util.function.Supplier<String> expected) {
        if (key != null && problems.isEmpty() && !Objects.equals(key, expected.get())) {
            problems.add(new InputProblem(InputProblem.KEY_MISMATCH, "key",
                    "record key " + Identifiers.maskKey(key) + " does not match its value (" + Identifiers.maskKey(expected.get()) + ")"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
