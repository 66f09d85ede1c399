package org.acopi.local.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.acopi.contracts.Topics;
import org.acopi.events.AcoProfile;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.EntityType;
import org.acopi.events.HardshipDecision;
import org.acopi.events.HardshipLevel;
import org.acopi.events.PiSubmission;
import org.acopi.events.Program;
import org.acopi.events.Proportion;
import org.acopi.events.QpStatus;
import org.acopi.events.RosterEntry;
import org.acopi.events.SpecialStatus;
import org.acopi.events.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {

    @Test
    void parsesEveryKindOfGoodRow() {
        Dataset dataset = Dataset.parse(dataset("minimal"));

        assertThat(dataset.problems()).isEmpty();
        assertThat(dataset.acoYears()).containsExactly(new AcoYear("T0001", 2026));
        assertThat(dataset.countsByTopic()).containsExactly(
                Map.entry(Topics.ACO_PROFILES.name(), 1), Map.entry(Topics.ROSTER.name(), 4),
                Map.entry(Topics.CLINICIAN_FACTS.name(), 4), Map.entry(Topics.HARDSHIPS.name(), 2),
                Map.entry(Topics.SUBMISSIONS.name(), 3));

        AcoProfile profile = value(dataset, "T0001:2026", AcoProfile.class);
        assertThat(profile.getLegalName()).isEqualTo("Test ACO, LLC");
        assertThat(profile.getProgram()).isEqualTo(Program.MSSP);
        assertThat(profile.getTrack()).isEqualTo(Track.BASIC_C);
        assertThat(profile.getUpdatedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.002Z"));

        RosterEntry late = value(dataset, "2026:222222222:1000000046", RosterEntry.class);
        assertThat(late.getSnapshot()).isEqualTo(4);
        assertThat(late.getRecordedAt()).isEqualTo(Instant.parse("2026-12-31T00:00:00.005Z"));
        assertThat(late.getEventId()).hasSize(36);

        ClinicianFacts qp = value(dataset, "2026:222222222:1000000038", ClinicianFacts.class);
        assertThat(qp.getQpStatus()).isEqualTo(QpStatus.QP);
        assertThat(qp.getTinSpecialStatuses()).containsExactly(SpecialStatus.SMALL_PRACTICE, SpecialStatus.NON_PATIENT_FACING);
        assertThat(qp.getSpecialStatuses()).isEmpty();
        assertThat(qp.getAsOf()).isEqualTo(Instant.parse("2026-12-15T10:30:00Z"));
        assertThat(value(dataset, "2026:111111111:1000000012", ClinicianFacts.class).getAsOf())
                .isEqualTo(Instant.parse("2026-12-15T00:00:00Z"));

        HardshipDecision wholeTin = value(dataset, "2026:222222222:*", HardshipDecision.class);
        assertThat(wholeTin.getLevel()).isEqualTo(HardshipLevel.TIN);
        assertThat(wholeTin.getNpi()).isNull();
        assertThat(value(dataset, "2026:111111111:1000000012", HardshipDecision.class).getLevel())
                .isEqualTo(HardshipLevel.INDIVIDUAL);

        PiSubmission group = value(dataset, "2026:GROUP:111111111", PiSubmission.class);
        assertThat(group.getSubmitter()).isEqualTo("clinic-ehr");
        assertThat(group.getTin()).isEqualTo("111111111");
        assertThat(group.getNpi()).isNull();
        assertThat(group.getPerformanceStart()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(group.getCehrtId()).isEqualTo("0015C0000000000");
        assertThat(group.getSubmittedAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(group.getMeasurements()).hasSize(13);
        assertThat(group.getMeasurements().get(4).getValue()).isEqualTo(new Proportion(100L, 100L));
        assertThat(group.getMeasurements().get(0).getValue()).isEqualTo(true);

        PiSubmission individual = value(dataset, "2026:INDIVIDUAL:111111111:1000000012", PiSubmission.class);
        assertThat(individual.getSubmitter()).isEqualTo("acme-registry");
        assertThat(individual.getSubmittedAt()).isEqualTo(Instant.parse("2027-02-01T12:00:00Z"));
        assertThat(individual.getMeasurements().get(2).getValue()).isNull();

        PiSubmission entity = value(dataset, "2026:APM_ENTITY:T0001", PiSubmission.class);
        assertThat(entity.getEntityType()).isEqualTo(EntityType.APM_ENTITY);
        assertThat(entity.getSubmissionId()).isEqualTo("entity-2026-1");
        assertThat(entity.getWithdrawn()).isTrue();
        assertThat(entity.getSubmittedAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00.001Z"));
    }

    @Test
    void reportsEachKindOfBadRowAndKeepsTheGoodOnes() {
        Dataset dataset = Dataset.parse(dataset("bad-rows"));

        assertThat(dataset.problems()).extracting(LoadProblem::file, LoadProblem::line).containsExactly(
                tuple("aco-profiles.csv", 4), tuple("aco-profiles.csv", 5), tuple("aco-profiles.csv", 6),
                tuple("roster.csv", 3), tuple("roster.csv", 4), tuple("roster.csv", 5), tuple("roster.csv", 6),
                tuple("roster.csv", 7), tuple("roster.csv", 8),
                tuple("clinician-facts.csv", 3), tuple("clinician-facts.csv", 4), tuple("clinician-facts.csv", 5),
                tuple("clinician-facts.csv", 6),
                tuple("hardships.csv", 3), tuple("hardships.csv", 4), tuple("hardships.csv", 5),
                tuple("submissions/broken.json", 2),
                tuple("submissions/mixed.json", 9), tuple("submissions/mixed.json", 15),
                tuple("submissions/mixed.json", 21), tuple("submissions/mixed.json", 27),
                tuple("submissions/mixed.json", 33), tuple("submissions/mixed.json", 39));
        assertThat(dataset.problems()).extracting(LoadProblem::reason).containsExactly(
                "INVALID_VALUE: program 'MEDICAID' is not one of MSSP|REACH",
                "MISSING_FIELD: track is empty; an MSSP ACO has a track (BASIC_A..BASIC_E, ENHANCED)",
                "UNSUPPORTED_PY: performanceYear 2019 is not a supported performance year [2025, 2026]",
                "INVALID_TIN: tin is not a TIN (9 digits)",
                "INVALID_NPI: npi fails the NPI check digit (Luhn over 80840)",
                "INVALID_SNAPSHOT: snapshot 5 is not an APM snapshot (1-4)",
                "INVALID_VALUE: status 'GONE' is not one of ACTIVE|REMOVED",
                "CSV_FIELD_COUNT: expected 7 fields, found 6",
                dataset.problems().get(8).reason(),
                "INVALID_VALUE: mipsEligible 'yes' is not true|false",
                "INVALID_VALUE: qpStatus 'MAYBE' is not one of QP|PARTIAL_QP|NONE",
                "INVALID_VALUE: specialStatuses 'RURAL' is not one of SMALL_PRACTICE|HOSPITAL_BASED|ASC_BASED|NON_PATIENT_FACING",
                "INVALID_VALUE: asOf '15/12/2026' is not an ISO date or instant",
                "INVALID_VALUE: basis 'FLOOD' is not one of INSUFFICIENT_INTERNET|EXTREME_UNCONTROLLABLE|CEHRT_NOT_AVAILABLE|DECERTIFIED_EHR",
                "INVALID_VALUE: status 'MAYBE' is not one of PENDING|APPROVED|DENIED",
                "INVALID_NPI: npi is not an NPI (10 digits)",
                dataset.problems().get(16).reason(),
                "208 INVALID_ENTITY_TYPE: entityType 'subgroup' is not one of individual|group|virtualGroup|apmEntity",
                "202 INVALID_TIN: the TIN is not 9 digits",
                "303 INVALID_NO_PI_MEASUREMENT_SET: measurementSets has no measurement set with category \"pi\"",
                "105 INVALID_VALUE_TYPE: value of PI_EP_1 is neither true|false nor {numerator, denominator} whole numbers",
                "302 INVALID_DATE: performanceStart '01/01/2026' is not an RFC 3339 date (yyyy-mm-dd)",
                "304 INVALID_FIELD_TYPE: a submission must be a JSON object");
        assertThat(dataset.problems().get(8).reason()).as("an unterminated quote ends the file's rows")
                .startsWith("CSV_MALFORMED: not CSV from here on");
        assertThat(dataset.problems().get(16).reason()).startsWith("301 INVALID_JSON: the document is not well-formed JSON");

        assertThat(dataset.countsByTopic()).containsExactly(
                Map.entry(Topics.ACO_PROFILES.name(), 1), Map.entry(Topics.ROSTER.name(), 1),
                Map.entry(Topics.CLINICIAN_FACTS.name(), 1), Map.entry(Topics.HARDSHIPS.name(), 1),
                Map.entry(Topics.SUBMISSIONS.name(), 1));
    }

    @Test
    void problemsNeverShowATin() {
        Dataset dataset = Dataset.parse(dataset("bad-rows"));

        assertThat(dataset.problems()).allSatisfy(p -> assertThat(p.toString()).doesNotContainPattern("[0-9]{8,9}"));
    }

    @Test
    void sameDatasetGivesTheSameEvents() {
        Dataset first = Dataset.parse(dataset("minimal"));
        Dataset second = Dataset.parse(dataset("minimal"));

        assertThat(second.events()).isEqualTo(first.events());
        assertThat(second.digest()).isEqualTo(first.digest());
    }

    @Test
    void optionalTimestampColumnsOverrideTheDefaults() {
        Dataset dataset = Dataset.parse(dataset("py2025-two-acos"));

        assertThat(dataset.problems()).isEmpty();
        assertThat(dataset.acoYears()).containsExactly(new AcoYear("A0100", 2025), new AcoYear("A0200", 2025));
        assertThat(value(dataset, "A0200:2025", AcoProfile.class).getAllFqhcRhc()).isTrue();
        assertThat(value(dataset, "2025:444444444:2000000010", RosterEntry.class).getRecordedAt())
                .isEqualTo(Instant.parse("2025-09-01T00:00:00Z"));
        assertThat(value(dataset, "2025:444444444:2000000028", ClinicianFacts.class).getPartialQpElectsMips()).isTrue();
    }

    @Test
    void optionalVirtualGroupColumnNamesTheTinsVirtualGroupAndEmptyMeansNone(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("clinician-facts.csv"), """
                performanceYear,tin,npi,mipsEligible,exceedsLowVolumeThreshold,qpStatus,specialStatuses,tinSpecialStatuses,fqhcRhcOnly,automaticEuc,dataCompromised,snapshot,asOf,virtualGroupId
                2026,111111111,1000000012,true,true,NONE,,,false,false,false,3,2026-12-15,VG-123
                2026,111111111,1000000038,true,true,NONE,,,false,false,false,3,2026-12-15," VG-123 "
                2026,222222222,1000000046,true,true,NONE,,,false,false,false,3,2026-12-15,
                """);

        Dataset dataset = Dataset.parse(dir);

        assertThat(dataset.problems()).isEmpty();
        assertThat(value(dataset, "2026:111111111:1000000012", ClinicianFacts.class).getVirtualGroupId()).isEqualTo("VG-123");
        assertThat(value(dataset, "2026:111111111:1000000038", ClinicianFacts.class).getVirtualGroupId()).isEqualTo("VG-123");
        assertThat(value(dataset, "2026:222222222:1000000046", ClinicianFacts.class).getVirtualGroupId()).isNull();
        assertThat(value(Dataset.parse(dataset("minimal")), "2026:222222222:1000000038", ClinicianFacts.class).getVirtualGroupId())
                .as("a file without the column").isNull();
    }

    @Test
    void headerWithoutARequiredColumnRejectsTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("roster.csv"), "acoId,performanceYear,tin,npi,snapshot,status,colour\n"
                + "A1,2026,111111111,1000000012,3,ACTIVE,blue\n");

        Dataset dataset = Dataset.parse(dir);

        assertThat(dataset.events()).isEmpty();
        assertThat(dataset.problems()).extracting(LoadProblem::toString).containsExactly(
                "roster.csv:1: CSV_MISSING_COLUMNS: header lacks column(s) clinicianType; expected acoId,performanceYear,tin,npi,clinicianType,snapshot,status");
    }

    @Test
    void qrda3ExportsInTheSubmissionsFolderLoadWithScoringsParser(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("submissions"));
        Files.copy(Paths.get("examples/qrda3-individual-2026.xml"), dir.resolve("submissions/westlake-ehr.xml"));
        Files.writeString(dir.resolve("submissions/broken.xml"), "<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>");

        Dataset dataset = Dataset.parse(dir);

        PiSubmission submission = value(dataset, "2026:INDIVIDUAL:362270586:1274935836", PiSubmission.class);
        assertThat(submission.getSubmitter()).isEqualTo("westlake-ehr");
        assertThat(submission.getMeasurements()).hasSize(16);
        assertThat(submission.getPerformanceEnd()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(dataset.problems()).extracting(LoadProblem::toString).containsExactly(
                "submissions/broken.xml:1: 311 INVALID_XML_DOCTYPE: DOCTYPE, DTDs and entity declarations are not accepted: "
                        + "send the QRDA III document without them");
        assertThat(Dataset.parse(dir).events()).isEqualTo(dataset.events());
    }

    @Test
    void emptyDirectoryIsAProblem(@TempDir Path dir) {
        assertThat(Dataset.parse(dir).problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).startsWith("no dataset files"));
    }

    @SuppressWarnings("unchecked")
    private static <V> V value(Dataset dataset, String key, Class<V> type) {
        List<LoadEvent<?>> matches = dataset.events().stream()
                .filter(e -> e.key().equals(key) && type.isInstance(e.value())).toList();
        assertThat(matches).as("events of %s keyed %s", type.getSimpleName(), key).hasSize(1);
        return (V) matches.get(0).value();
    }

    static Path dataset(String name) {
        try {
            return Paths.get(DatasetTest.class.getResource("/datasets/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
