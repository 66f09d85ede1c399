package org.acopi.eligibility;

import java.time.Instant;
import java.util.List;
import org.acopi.contracts.EventKeys;
import org.acopi.contracts.Identifiers;
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
import org.acopi.events.Track;

/** Test inputs: an ACO, a TIN with two clinicians, and builders starting from the plain E1 case of docs/pi-rules.md §9. */
public final class Fixtures {

    public static final String ACO = "A1234";
    public static final String TIN = "123456789";
    public static final String OTHER_TIN = "987654321";
    public static final String NPI = Identifiers.npiWithCheckDigit("555123456");
    public static final String NPI_2 = Identifiers.npiWithCheckDigit("555223456");
    public static final Instant T0 = Instant.parse("2026-01-15T00:00:00Z");

    private Fixtures() {
    }

    public static AcoProfile.Builder aco(int py) {
        return AcoProfile.newBuilder().setAcoId(ACO).setPerformanceYear(py).setLegalName("Sample ACO LLC")
                .setProgram(Program.MSSP).setTrack(Track.ENHANCED).setAllFqhcRhc(false)
                .setPublicReportingUrl("https://aco.example/public").setUpdatedAt(T0);
    }

    public static RosterEntry.Builder roster(int py) {
        return roster(py, NPI);
    }

    public static RosterEntry.Builder roster(int py, String npi) {
        return RosterEntry.newBuilder().setEventId("r-" + npi + "-3").setAcoId(ACO).setPerformanceYear(py).setTin(TIN)
                .setNpi(npi).setClinicianType("PHYSICIAN").setSnapshot(3).setStatus(RosterStatus.ACTIVE).setRecordedAt(T0);
    }

    public static ClinicianFacts.Builder facts(int py) {
        return facts(py, NPI);
    }

    public static ClinicianFacts.Builder facts(int py, String npi) {
        return ClinicianFacts.newBuilder().setPerformanceYear(py).setTin(TIN).setNpi(npi).setMipsEligible(true)
                .setExceedsLowVolumeThreshold(true).setQpStatus(QpStatus.NONE).setSpecialStatuses(List.of())
                .setTinSpecialStatuses(List.of()).setFqhcRhcOnly(false).setAutomaticEuc(false).setSnapshot(3)
                .setAsOf(T0).setDataCompromised(false).setPartialQpElectsMips(false);
    }

    public static HardshipDecision.Builder hardship(int py, HardshipBasis basis, HardshipStatus status) {
        return HardshipDecision.newBuilder().setEventId("h-" + status).setPerformanceYear(py).setTin(TIN).setNpi(NPI)
                .setLevel(HardshipLevel.INDIVIDUAL).setBasis(basis).setStatus(status).setDecidedAt(T0);
    }

    public static HardshipDecision.Builder tinHardship(int py, HardshipBasis basis, HardshipStatus status) {
        return hardship(py, basis, status).setEventId("ht-" + status).setNpi(null).setLevel(HardshipLevel.TIN);
    }

    public static String key(int py) {
        return EventKeys.clinician(py, TIN, NPI);
    }

    public static String key(int py, String npi) {
        return EventKeys.clinician(py, TIN, npi);
    }
}
