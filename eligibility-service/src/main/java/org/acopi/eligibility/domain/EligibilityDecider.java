package org.acopi.eligibility.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.acopi.contracts.EventKeys;
import org.acopi.events.AcoProfile;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.HardshipDecision;
import org.acopi.events.HardshipLevel;
import org.acopi.events.HardshipStatus;
import org.acopi.events.ParticipantEligibility;
import org.acopi.events.QpStatus;
import org.acopi.events.ReweightingKind;
import org.acopi.events.RosterEntry;
import org.acopi.events.RosterStatus;
import org.acopi.events.SpecialStatus;
import org.acopi.events.Track;

/**
 * The MSSP PI reporting determination of one ACO participant TIN/NPI for a performance year (42 CFR 425.507,
 * docs/pi-rules.md §7.3 with the decisions of §11.4 items 7, 8 and 10; PY2025 enforcement discretion of §11.1): whether the
 * Shared Savings Program requires it to report PI, whether CMS enforces that for the PY and track, whether MIPS
 * requires PI of it, every applicable reason code in precedence order (the first one decides) and the PI reweighting
 * the deciding code stands for (NONE when the deciding code is not a {@code REWEIGHT_*} one, even if a later code is).
 * The PY's rules data supply every value that may change by PY.
 *
 * <p>Submissions are not an input: rows 8 and 9 of §7.3 (excluded but reported, compromised data) are derived
 * downstream from the reweighting kind, {@code dataCompromised} and the clinician's score. Pending and denied hardship
 * applications never exclude.
 */
public final class EligibilityDecider {

    private final EligibilityRules rules;

    public EligibilityDecider(EligibilityRules rules) {
        this.rules = rules;
    }

    public ParticipantEligibility decide(EligibilityInputs in) {
        RosterEntry entry = in.roster().latest();
        PyEligibilityRules py = rules.forYear(entry.getPerformanceYear());
        boolean withdrawn = in.roster().removed()
                && (py.removalAfterDecidingSnapshotWithdraws() || !in.roster().removedAfterDecidingSnapshot(py.decidingSnapshot()));
        ParticipantEligibility.Builder out = ParticipantEligibility.newBuilder()
                .setAcoId(entry.getAcoId())
                .setPerformanceYear(entry.getPerformanceYear())
                .setTin(entry.getTin())
                .setNpi(entry.getNpi())
                .setRosterStatus(withdrawn ? RosterStatus.REMOVED : RosterStatus.ACTIVE)
                .setClinicianType(entry.getClinicianType())
                .setQpStatus(in.facts() == null ? null : in.facts().getQpStatus())
                .setDataCompromised(in.facts() != null && in.facts().getDataCompromised())
                .setVirtualGroupId(in.facts() == null ? null : in.facts().getVirtualGroupId())
                .setFactsKnown(in.facts() != null)
                .setSnapshot(entry.getSnapshot())
                .setInputVersions(inputVersions(in, py))
                .setRulesVersion(py.rulesVersion());
        if (withdrawn) {
            return out.setSspRequired(false).setSspEnforced(false).setMipsPiRequired(false)
                    .setReasonCodes(List.of(ReasonCodes.ROSTER_REMOVED))
                    .setReweighting(ReweightingKind.NONE)
                    .setExplanation("PY" + py.performanceYear() + ": removed from the participation list of ACO "
                            + entry.getAcoId() + " as of APM snapshot " + entry.getSnapshot()
                            + "; this withdraws any earlier determination for the TIN/NPI (rules " + py.rulesVersion() + ").")
                    .build();
        }

        ClinicianFacts facts = in.facts();
        Set<String> codes = exclusions(in, py);
        boolean excluded = codes.stream().anyMatch(c -> py.reason(c).excluded());
        QpStatus qp = facts == null ? null : facts.getQpStatus();
        if (!excluded && facts != null) {
            codes.add(ownStatus(qp));
        }
        boolean sspRequired = !excluded && (facts != null || py.factsPendingPresumesSspRequired());
        boolean mipsPiRequired;
        if (codes.stream().anyMatch(c -> py.reason(c).mipsExcluded())) {
            mipsPiRequired = false;
        } else if (facts == null) {
            mipsPiRequired = py.factsPendingPresumesMipsPiRequired();
        } else if (py.reason(ownStatus(qp)).mipsExcluded()) {
            mipsPiRequired = false;
        } else {
            mipsPiRequired = qp != QpStatus.PARTIAL_QP
                    || py.partialQpElectionMakesMipsRequired() && facts.getPartialQpElectsMips();
        }
        Track track = in.acoProfile() == null ? null : in.acoProfile().getTrack();
        boolean enforced = sspRequired && py.enforced(track);
        List<String> ordered = py.ordered(codes);
        ReweightingKind reweighting = py.reason(ordered.get(0)).reweighting();

        return out.setSspRequired(sspRequired)
                .setSspEnforced(enforced)
                .setMipsPiRequired(mipsPiRequired)
                .setReasonCodes(ordered)
                .setReweighting(reweighting)
                .setExplanation(explain(in, py, ordered, sspRequired, enforced, mipsPiRequired, track))
                .build();
    }

    /** The code a clinician with facts gets when nothing excludes it; it also carries its own MIPS status (§7.3 rows 10-12). */
    private static String ownStatus(QpStatus qp) {
        return switch (qp) {
            case QP -> ReasonCodes.QP_SSP_ONLY;
            case PARTIAL_QP -> ReasonCodes.PARTIAL_QP_SSP;
            case NONE -> ReasonCodes.REQUIRED;
        };
    }

    /** Adds a code and every code it implies per the PY's rules. */
    private static void add(Set<String> codes, String code, PyEligibilityRules py) {
        if (codes.add(code)) {
            py.reason(code).implies().forEach(implied -> add(codes, implied, py));
        }
    }

    /** Every exclusion (and FACTS_PENDING) that applies, unordered. */
    private static Set<String> exclusions(EligibilityInputs in, PyEligibilityRules py) {
        RosterEntry entry = in.roster().latest();
        ClinicianFacts facts = in.facts();
        AcoProfile aco = in.acoProfile();
        Set<String> codes = new HashSet<>();
        if (aco != null && !py.isSspProgram(aco.getProgram())) {
            add(codes, ReasonCodes.NOT_MSSP, py);
        }
        if (aco != null && aco.getAllFqhcRhc()) {
            add(codes, ReasonCodes.ACO_ALL_FQHC, py);
        }
        if (!in.roster().onDecidingSnapshotList()) {
            add(codes, ReasonCodes.NOT_IN_SNAPSHOT3, py);
        }
        if (!py.isMipsEligibleType(entry.getClinicianType())) {
            add(codes, ReasonCodes.NOT_MIPS_EC_TYPE, py);
        }
        for (HardshipDecision hardship : in.hardships()) {
            if (hardship.getStatus() == HardshipStatus.APPROVED && appliesTo(hardship, entry) && py.reweights(hardship.getBasis())) {
                add(codes, ReasonCodes.reweighting(hardship.getBasis()), py);
            }
        }
        for (SpecialStatus status : specialStatuses(facts, in.tinFacts())) {
            if (py.reweights(status)) {
                add(codes, ReasonCodes.reweighting(status), py);
            }
        }
        if (facts == null) {
            add(codes, ReasonCodes.FACTS_PENDING, py);
            return codes;
        }
        boolean qualifyingApmParticipant = facts.getQpStatus() != QpStatus.NONE;
        if (facts.getFqhcRhcOnly()) {
            add(codes, ReasonCodes.FQHC_RHC_NOT_MIPS_EC, py);
        }
        if (!facts.getExceedsLowVolumeThreshold()) {
            add(codes, ReasonCodes.BELOW_LVT, py);
        } else if (!facts.getMipsEligible() && !qualifyingApmParticipant && py.qppNotEligibleFlagExcludesNonQp()
                && !codes.contains(ReasonCodes.FQHC_RHC_NOT_MIPS_EC)) {
            // QPP says "not MIPS eligible" for a reason other than LVT, FQHC/RHC billing or QP status
            add(codes, ReasonCodes.NOT_MIPS_EC_TYPE, py);
        }
        if (facts.getAutomaticEuc() && py.automaticEucReweights()) {
            add(codes, ReasonCodes.REWEIGHT_AUTO_EUC, py);
        }
        if (facts.getDataCompromised() && py.dataCompromisedReweights()) {
            add(codes, ReasonCodes.REWEIGHT_DATA_COMPROMISED, py);
        }
        return codes;
    }

    /**
     * The clinician's own special statuses plus its TIN's: the newest TIN-level statement (from any NPI of the TIN)
     * when one is known, else the TIN-level statuses on the clinician's own facts.
     */
    private static Set<SpecialStatus> specialStatuses(ClinicianFacts facts, ClinicianFacts tinFacts) {
        Set<SpecialStatus> statuses = EnumSet.noneOf(SpecialStatus.class);
        if (facts != null) {
            statuses.addAll(facts.getSpecialStatuses());
        }
        ClinicianFacts tinSource = tinStatement(facts, tinFacts);
        if (tinSource != null) {
            statuses.addAll(tinSource.getTinSpecialStatuses());
        }
        return statuses;
    }

    /** The newest QPP statement about the TIN: the TIN's newest facts record of any NPI, or the clinician's own if newer. */
    private static ClinicianFacts tinStatement(ClinicianFacts facts, ClinicianFacts tinFacts) {
        return tinFacts == null ? facts : facts == null ? tinFacts : Versions.newer(tinFacts, facts);
    }

    private static boolean appliesTo(HardshipDecision hardship, RosterEntry entry) {
        return hardship.getPerformanceYear() == entry.getPerformanceYear()
                && hardship.getTin().equals(entry.getTin())
                && (hardship.getLevel() == HardshipLevel.TIN || entry.getNpi().equals(hardship.getNpi()));
    }

    private static Map<String, String> inputVersions(EligibilityInputs in, PyEligibilityRules py) {
        Map<String, String> versions = new TreeMap<>();
        versions.put("rules", py.rulesVersion());
        RosterEntry latest = in.roster().latest();
        versions.put("roster", roster(latest));
        RosterEntry deciding = in.roster().upToDecidingSnapshot();
        if (!latest.equals(deciding)) {
            versions.put("roster.decidingSnapshot", deciding == null ? "none" : roster(deciding));
        }
        versions.put("facts", in.facts() == null ? "none"
                : "snapshot=" + in.facts().getSnapshot() + ";asOf=" + in.facts().getAsOf());
        ClinicianFacts tinStatement = tinStatement(in.facts(), in.tinFacts());
        if (tinStatement != null) {
            // neither the NPI that carried the statement nor its asOf: every NPI of the TIN states the same, so the
            // other NPIs' records of one QPP release (each with its own asOf) must not republish the whole TIN
            versions.put("tinFacts", "snapshot=" + tinStatement.getSnapshot()
                    + ";tinSpecialStatuses=" + tinStatement.getTinSpecialStatuses());
        }
        for (HardshipDecision h : in.hardships()) {
            String npi = h.getLevel() == HardshipLevel.TIN ? EventKeys.WHOLE_TIN : h.getNpi();
            versions.put("hardship." + npi + "." + h.getBasis(),
                    "status=" + h.getStatus() + ";decidedAt=" + h.getDecidedAt() + ";eventId=" + h.getEventId());
        }
        versions.put("acoProfile", in.acoProfile() == null ? "none" : "updatedAt=" + in.acoProfile().getUpdatedAt());
        return versions;
    }

    private static String roster(RosterEntry entry) {
        return "acoId=" + entry.getAcoId() + ";snapshot=" + entry.getSnapshot() + ";status=" + entry.getStatus()
                + ";recordedAt=" + entry.getRecordedAt() + ";eventId=" + entry.getEventId();
    }

    private static String explain(EligibilityInputs in, PyEligibilityRules py, List<String> codes, boolean sspRequired,
                                  boolean enforced, boolean mipsPiRequired, Track track) {
        RosterEntry entry = in.roster().latest();
        StringBuilder text = new StringBuilder("PY").append(py.performanceYear()).append(", ACO ").append(entry.getAcoId())
                .append(", ").append(entry.getClinicianType()).append(": ");
        if (sspRequired) {
            text.append("must report the MIPS Promoting Interoperability measures and earn a PI score for the Shared "
                    + "Savings Program (42 CFR 425.507); ");
            text.append(enforced ? "CMS enforces this requirement for the PY" + (track == null ? "" : " on track " + track)
                    : "CMS does not enforce it for this PY (enforcement discretion), but the requirement stands");
            text.append(". ");
        } else {
            text.append("not subject to the Shared Savings Program PI reporting requirement (42 CFR 425.507). ");
        }
        text.append("Deciding reason ").append(py.reason(codes.get(0)).explained()).append('.');
        List<String> others = new ArrayList<>();
        for (String code : codes.subList(1, codes.size())) {
            others.add(code + ": " + py.reason(code).label());
        }
        if (!others.isEmpty()) {
            text.append(" Also ").append(String.join("; ", others)).append('.');
        }
        text.append(" MIPS PI required: ").append(mipsPiRequired ? "yes" : "no").append('.');
        RosterEntry deciding = in.roster().upToDecidingSnapshot();
        text.append(" Participation list: APM snapshot ").append(entry.getSnapshot());
        if (deciding != null && !deciding.equals(entry)) {
            text.append(deciding.getAcoId().equals(entry.getAcoId())
                    ? " (snapshot " + deciding.getSnapshot() + " for the Snapshot-3 determination)"
                    : " (its snapshot-" + deciding.getSnapshot() + " record is ACO " + deciding.getAcoId() + "'s, not this ACO's)");
        }
        if (in.roster().removed()) {
            text.append("; removed from the list at snapshot ").append(entry.getSnapshot()).append(", after the deciding snapshot ")
                    .append(py.decidingSnapshot()).append(", which does not withdraw the PY's determination (APM Snapshot 3 decides who is subject: NAACOS, Promoting Interoperability for MSSP ACOs, FAQ 5)");
        }
        text.append(in.facts() == null ? "; no QPP facts yet" : "; QPP facts of snapshot " + in.facts().getSnapshot());
        if (in.facts() != null && in.facts().getVirtualGroupId() != null) {
            text.append("; TIN in virtual group ").append(in.facts().getVirtualGroupId());
        }
        if (in.acoProfile() == null) {
            text.append("; no ACO profile yet, so an MSSP ACO and the PY's default enforcement are assumed");
        }
        text.append(". Rules ").append(py.rulesVersion()).append('.');
        return text.toString();
    }
}
