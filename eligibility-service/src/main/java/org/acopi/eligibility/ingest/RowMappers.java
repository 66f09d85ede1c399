package org.acopi.eligibility.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.acopi.contracts.EventKeys;
import org.acopi.contracts.Topics;
import org.acopi.eligibility.domain.InputProblem;
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
 * How a row of each participant input becomes its event. Timestamps a row does not carry get deterministic defaults
 * so that the same rows sent again are the same events: a profile is as of January 1 of its PY, a roster row as of
 * its APM snapshot date (docs/pi-rules.md §7.4), a hardship decision as of January 1 of its PY; each plus the row's line
 * number in milliseconds so that a later row wins a tie with an earlier one for the same key. Roster and hardship
 * event ids are name-based UUIDs of the input's file name and the row's content.
 */
final class RowMappers {

    private RowMappers() {
    }

    static ParsedEvent<?> profile(Row row) {
        String acoId = Fields.required("acoId", row.get("acoId"));
        int py = Fields.performanceYear("performanceYear", row.get("performanceYear"));
        Program program = Fields.enumValue("program", row.get("program"), Program.class);
        Track track = row.has("track") ? Fields.enumValue("track", row.get("track"), Track.class) : null;
        if (program == Program.MSSP && track == null) {
            throw new BadRow(InputProblem.MISSING_FIELD,
                    "track is empty; an MSSP ACO has a track (BASIC_A..BASIC_E, ENHANCED)");
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
                        : at(LocalDate.of(py, 1, 1), row.line()))
                .build();
        return new ParsedEvent<>(Topics.ACO_PROFILES, EventKeys.acoYear(acoId, py), profile, row.source(), row.line());
    }

    static ParsedEvent<?> roster(Row row) {
        String acoId = Fields.required("acoId", row.get("acoId"));
        int py = Fields.performanceYear("performanceYear", row.get("performanceYear"));
        String tin = Fields.tin("tin", row.get("tin"));
        String npi = Fields.npi("npi", row.get("npi"));
        int snapshot = Fields.snapshot("snapshot", row.get("snapshot"));
        RosterEntry entry = RosterEntry.newBuilder()
                .setEventId(eventId(ParticipantInput.ROSTER, row))
                .setAcoId(acoId)
                .setPerformanceYear(py)
                .setTin(tin)
                .setNpi(npi)
                .setClinicianType(Fields.required("clinicianType", row.get("clinicianType")))
                .setSnapshot(snapshot)
                .setStatus(Fields.enumValue("status", row.get("status"), RosterStatus.class))
                .setRecordedAt(row.has("recordedAt") ? Fields.instant("recordedAt", row.get("recordedAt"))
                        : at(snapshotDate(py, snapshot), row.line()))
                .build();
        return new ParsedEvent<>(Topics.ROSTER, EventKeys.clinician(py, tin, npi), entry, row.source(), row.line());
    }

    static ParsedEvent<?> facts(Row row) {
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
        return new ParsedEvent<>(Topics.CLINICIAN_FACTS, EventKeys.clinician(py, tin, npi), facts, row.source(), row.line());
    }

    static ParsedEvent<?> hardship(Row row) {
        int py = Fields.performanceYear("performanceYear", row.get("performanceYear"));
        String tin = Fields.tin("tin", row.get("tin"));
        boolean wholeTin = EventKeys.WHOLE_TIN.equals(row.get("npi"));
        String npi = wholeTin ? null : Fields.npi("npi", row.get("npi"));
        HardshipDecision decision = HardshipDecision.newBuilder()
                .setEventId(eventId(ParticipantInput.HARDSHIPS, row))
                .setPerformanceYear(py)
                .setTin(tin)
                .setNpi(npi)
                .setLevel(wholeTin ? HardshipLevel.TIN : HardshipLevel.INDIVIDUAL)
                .setBasis(Fields.enumValue("basis", row.get("basis"), HardshipBasis.class))
                .setStatus(Fields.enumValue("status", row.get("status"), HardshipStatus.class))
                .setDecidedAt(row.has("decidedAt") ? Fields.instant("decidedAt", row.get("decidedAt"))
                        : at(LocalDate.of(py, 1, 1), row.line()))
                .build();
        String key = wholeTin ? EventKeys.wholeTin(py, tin) : EventKeys.clinician(py, tin, npi);
        return new ParsedEvent<>(Topics.HARDSHIPS, key, decision, row.source(), row.line());
    }

    private static String eventId(ParticipantInput input, Row row) {
        return UUID.nameUUIDFromBytes((input.fileName() + "\n" + row.content()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Instant at(LocalDate date, int tieBreakMillis) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().plusMillis(tieBreakMillis);
    }

    /** The APM snapshot dates of a PY (March 31, June 30, August 31, December 31; docs/pi-rules.md §7.4). */
    private static LocalDate snapshotDate(int performanceYear, int snapshot) {
        return switch (snapshot) {
            case 1 -> LocalDate.of(performanceYear, 3, 31);
            case 2 -> LocalDate.of(performanceYear, 6, 30);
            case 3 -> LocalDate.of(performanceYear, 8, 31);
            default -> LocalDate.of(performanceYear, 12, 31);
        };
    }
}
