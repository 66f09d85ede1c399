package org.acopi.local.loader;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.acopi.contracts.EventKeys;
import org.acopi.contracts.Topics;
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

/**
 * The four CSV inputs of a dataset and how each row becomes an event. Timestamps the files do not carry get
 * deterministic defaults (see deploy/README.md, "Dataset format"): a profile is as of January 1 of its PY, a roster
 * row as of its snapshot date, a hardship decision as of January 1 of its PY; each plus the row's line number in
 * milliseconds so that a later row wins a tie with an earlier one for the same key.
 */
final class CsvInputs {

    static final String PROFILES = "aco-profiles.csv";
    static final String ROSTER = "roster.csv";
    static final String FACTS = "clinician-facts.csv";
    static final String HARDSHIPS = "hardships.csv";

    private CsvInputs() {
    }

    static void readProfiles(Path file, DatasetBuilder out) {
        read(file, out, List.of("acoId", "performanceYear", "legalName", "program", "track", "allFqhcRhc", "publicReportingUrl"),
                Set.of("updatedAt"), row -> {
                    String acoId = Fields.required("acoId", row.get("acoId"));
                    int py = Fields.performanceYear("performanceYear", row.get("performanceYear"));
                    Program program = Fields.enumValue("program", row.get("program"), Program.class);
                    Track track = row.has("track") ? Fields.enumValue("track", row.get("track"), Track.class) : null;
                    if (program == Program.MSSP && track == null) {
                        throw new BadRowException("track is empty; an MSSP ACO has a track (BASIC_A..BASIC_E, ENHANCED)");
                    }
                    AcoProfile profile = AcoProfile.newBuilder()
                            .setAcoId(acoId)
                            .setPerformanceYear(py)
                            .setLegalName(Fields.required("legalName", row.get("legalName")))
                            .setProgram(program)
                            .setTrack(track)
                            .setAllFqhcRhc(row.has("allFqhcRhc") && Fields.bool("allFqhcRhc", row.get("allFqhcRhc")))
                            .setPublicReportingUrl(Fields.optional(row.get("publicReportingUrl")))
                            .setUpdatedAt(row.has("updatedAt") ? Fields.instant("updatedAt", row.get("updatedAt"))
                                    : DeterministicIds.at(LocalDate.of(py, 1, 1), row.line()))
                            .build();
                    out.acoYear(acoId, py);
                    return new LoadEvent<>(Topics.ACO_PROFILES, EventKeys.acoYear(acoId, py), profile, source(file, row));
                });
    }

    static void readRoster(Path file, DatasetBuilder out) {
        read(file, out, List.of("acoId", "performanceYear", "tin", "npi", "clinicianType", "snapshot", "status"),
                Set.of("recordedAt"), row -> {
                    String acoId = Fields.required("acoId", row.get("acoId"));
                    int py = Fields.performanceYear("performanceYear", row.get("performanceYear"));
                    String tin = Fields.tin("tin", row.get("tin"));
                    String npi = Fields.npi("npi", row.get("npi"));
                    int snapshot = Fields.snapshot("snapshot", row.get("snapshot"));
                    RosterEntry entry = RosterEntry.newBuilder()
                            .setEventId(DeterministicIds.eventId(ROSTER, row.content()))
                            .setAcoId(acoId)
                            .setPerformanceYear(py)
                            .setTin(tin)
                            .setNpi(npi)
                            .setClinicianType(Fields.required("clinicianType", row.get("clinicianType")))
                            .setSnapshot(snapshot)
                            .setStatus(Fields.enumValue("status", row.get("status"), RosterStatus.class))
                            .setRecordedAt(row.has("recordedAt") ? Fields.instant("recordedAt", row.get("recordedAt"))
                                    : DeterministicIds.at(DeterministicIds.snapshotDate(py, snapshot), row.line()))
                            .build();
                    out.acoYear(acoId, py);
                    return new LoadEvent<>(Topics.ROSTER, EventKeys.clinician(py, tin, npi), entry, source(file, row));
                });
    }

    static void readFacts(Path file, DatasetBuilder out) {
        read(file, out, List.of("performanceYear", "tin", "npi", "mipsEligible", "exceedsLowVolumeThreshold", "qpStatus",
                        "specialStatuses", "tinSpecialStatuses", "fqhcRhcOnly", "automaticEuc", "dataCompromised", "snapshot", "asOf"),
                Set.of("partialQpElectsMips", "virtualGroupId"), row -> {
                    int py = Fields.performanceYear("performanceYear", row.get("performanceYear"));
                    String tin = Fields.tin("tin", row.get("tin"));
                    String npi = Fields.npi("npi", row.get("npi"));
                    ClinicianFacts facts = ClinicianFacts.newBuilder()
                            .setPerformanceYear(py)
                            .setTin(tin)
                            .setNpi(npi)
                            .setMipsEligible(Fields.bool("mipsEligible", row.get("mipsEligible")))
                            .setExceedsLowVolumeThreshold(Fields.bool("exceedsLowVolumeThreshold", row.get("exceedsLowVolumeThreshold")))
                            .setQpStatus(Fields.enumValue("qpStatus", row.get("qpStatus"), QpStatus.class))
                            .setSpecialStatuses(Fields.enumList("specialStatuses", row.get("specialStatuses"), SpecialStatus.class))
                            .setTinSpecialStatuses(Fields.enumList("tinSpecialStatuses", row.get("tinSpecialStatuses"), SpecialStatus.class))
                            .setFqhcRhcOnly(Fields.bool("fqhcRhcOnly", row.get("fqhcRhcOnly")))
                            .setAutomaticEuc(Fields.bool("automaticEuc", row.get("automaticEuc")))
                            .setDataCompromised(Fields.bool("dataCompromised", row.get("dataCompromised")))
                            .setPartialQpElectsMips(row.has("partialQpElectsMips") && Fields.bool("partialQpElectsMips", row.get("partialQpElectsMips")))
                            .setVirtualGroupId(Fields.optional(row.get("virtualGroupId")))
                            .setSnapshot(Fields.snapshot("snapshot", row.get("snapshot")))
                            .setAsOf(Fields.instant("asOf", row.get("asOf")))
                            .build();
                    return new LoadEvent<>(Topics.CLINICIAN_FACTS, EventKeys.clinician(py, tin, npi), facts, source(file, row));
                });
    }

    static void readHardships(Path file, DatasetBuilder out) {
        read(file, out, List.of("performanceYear", "tin", "npi", "basis", "status"), Set.of("decidedAt"), row -> {
            int py = Fields.performanceYear("performanceYear", row.get("performanceYear"));
            String tin = Fields.tin("tin", row.get("tin"));
            boolean wholeTin = EventKeys.WHOLE_TIN.equals(row.get("npi"));
            String npi = wholeTin ? null : Fields.npi("npi", row.get("npi"));
            HardshipDecision decision = HardshipDecision.newBuilder()
                    .setEventId(DeterministicIds.eventId(HARDSHIPS, row.content()))
                    .setPerformanceYear(py)
                    .setTin(tin)
                    .setNpi(npi)
                    .setLevel(wholeTin ? HardshipLevel.TIN : HardshipLevel.INDIVIDUAL)
                    .setBasis(Fields.enumValue("basis", row.get("basis"), HardshipBasis.class))
                    .setStatus(Fields.enumValue("status", row.get("status"), HardshipStatus.class))
                    .setDecidedAt(row.has("decidedAt") ? Fields.instant("decidedAt", row.get("decidedAt"))
                            : DeterministicIds.at(LocalDate.of(py, 1, 1), row.line()))
                    .build();
            String key = wholeTin ? EventKeys.wholeTin(py, tin) : EventKeys.clinician(py, tin, npi);
            return new LoadEvent<>(Topics.HARDSHIPS, key, decision, source(file, row));
        });
    }

    private static void read(Path file, DatasetBuilder out, List<String> required, Set<String> optional,
                             Function<CsvTable.Row, LoadEvent<?>> toEvent) {
        CsvTable table = CsvTable.read(file, required, optional);
        List<LoadProblem> problems = new ArrayList<>(table.problems);
        for (CsvTable.Row row : table.rows) {
            try {
                out.event(toEvent.apply(row));
            } catch (BadRowException e) {
                problems.add(new LoadProblem(file.getFileName().toString(), row.line(), e.getMessage()));
            }
        }
        problems.sort(Comparator.comparingInt(LoadProblem::line));
        problems.forEach(out::problem);
    }

    private static String source(Path file, CsvTable.Row row) {
        return file.getFileName() + ":" + row.line();
    }
}
