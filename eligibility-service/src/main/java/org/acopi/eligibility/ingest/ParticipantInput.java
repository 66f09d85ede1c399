package org.acopi.eligibility.ingest;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The four participant inputs of an MSSP ACO's operations (deploy/README.md "Dataset format"): ACO profiles, the
 * participant list (roster, 42 CFR 425.118 and the APM snapshots of docs/pi-rules.md §7.4), QPP eligibility facts and
 * hardship decisions (docs/pi-rules.md §7.3). Each has its file name, its URL segment, its required and optional columns
 * and the mapping of a row to its event.
 */
public enum ParticipantInput {
    ACO_PROFILES("aco-profiles", "aco-profiles.csv",
            List.of("acoId", "performanceYear", "legalName", "program", "track", "allFqhcRhc", "publicReportingUrl"),
            Set.of("updatedAt"), RowMappers::profile),
    ROSTER("roster", "roster.csv", List.of("acoId", "performanceYear", "tin", "npi", "clinicianType", "snapshot", "status"),
            Set.of("recordedAt"), RowMappers::roster),
    FACTS("facts", "clinician-facts.csv", List.of("performanceYear", "tin", "npi", "mipsEligible",
            "exceedsLowVolumeThreshold", "qpStatus", "specialStatuses", "tinSpecialStatuses", "fqhcRhcOnly", "automaticEuc",
            "dataCompromised", "snapshot", "asOf"),
            Set.of("partialQpElectsMips", "virtualGroupId"), RowMappers::facts),
    HARDSHIPS("hardships", "hardships.csv", List.of("performanceYear", "tin", "npi", "basis", "status"),
            Set.of("decidedAt"), RowMappers::hardship);

    private final String segment;
    private final String fileName;
    private final List<String> required;
    private final Set<String> optional;
    private final Function<Row, ParsedEvent<?>> mapper;

    ParticipantInput(String segment, String fileName, List<String> required, Set<String> optional,
                     Function<Row, ParsedEvent<?>> mapper) {
        this.segment = segment;
        this.fileName = fileName;
        this.required = required;
        this.optional = optional;
        this.mapper = mapper;
    }

    /** The input named by a URL segment ({@code roster}, {@code facts}, {@code hardships}, {@code aco-profiles}). */
    public static ParticipantInput bySegment(String segment) {
        for (ParticipantInput input : values()) {
            if (input.segment.equals(segment)) {
                return input;
            }
        }
        return null;
    }

    public String segment() {
        return segment;
    }

    /** The input's file name in a dataset directory, e.g. {@code roster.csv}. */
    public String fileName() {
        return fileName;
    }

    public List<String> required() {
        return required;
    }

    public Set<String> optional() {
        return optional;
    }

    ParsedEvent<?> map(Row row) {
        return mapper.apply(row);
    }
}
