package org.acopi.local.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import org.acopi.contracts.EventKeys;
import org.acopi.contracts.Identifiers;
import org.acopi.contracts.Topics;
import org.acopi.events.AcoProfile;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.EntityType;
import org.acopi.events.HardshipBasis;
import org.acopi.events.HardshipDecision;
import org.acopi.events.HardshipLevel;
import org.acopi.events.HardshipStatus;
import org.acopi.events.Measurement;
import org.acopi.events.PiSubmission;
import org.acopi.events.Program;
import org.acopi.events.Proportion;
import org.acopi.events.QpStatus;
import org.acopi.events.RosterEntry;
import org.acopi.events.RosterStatus;
import org.acopi.events.SpecialStatus;
import org.acopi.events.Track;
import org.acopi.local.loader.AcoYear;
import org.acopi.local.loader.Dataset;
import org.acopi.local.loader.LoadEvent;
import org.acopi.scoring.stream.EventMapping;

/**
 * A synthetic MSSP program, deterministic by seed, streamed ACO by ACO as Avro input events (no files): each ACO's
 * profile, then per participant TIN its roster entries, QPP facts and hardship decisions, then the ACO's PI
 * submissions (one group submission per TIN, a few of them withdrawn later, individual ones for about 20% of
 * clinicians, a few resubmissions sent newest first). Clinician mix: physicians, NPs, PAs, social workers and a few marriage and family therapists; QPs and
 * Partial QPs; clinicians below the low-volume threshold; small practices, hospital-based and non-patient-facing
 * clinicians; FQHC-only TINs; automatic EUC; compromised data; roster removals after Snapshot 3 and additions in
 * Snapshot 4; approved, pending and denied hardships for TINs and clinicians; one ACO in fifty in ACO REACH.
 * Submissions are the bundled sample's measurement sets (exclusions, HIE options, a zero score) with numerators and
 * denominators drawn anew. Every ACO's expected report comes from a {@link ReferencePipeline} fed the same events.
 */
public final class ProgramGenerator {

    private static final String[] CLINICIAN_TYPES = {"PHYSICIAN", "NURSE_PRACTITIONER", "PHYSICIAN_ASSISTANT",
            "CLINICAL_SOCIAL_WORKER", "MARRIAGE_FAMILY_THERAPIST"};
    private static final double[] CLINICIAN_TYPE_SHARES = {0.74, 0.13, 0.08, 0.03, 0.02};

    private final ProgramSpec spec;
    private final List<PiSubmission> templates;
    private final int probeTargetsPerAco;

    /** @param templates valid PI submissions whose measurement sets are reused (see {@link #sampleTemplates}) */
    public ProgramGenerator(ProgramSpec spec, List<PiSubmission> templates, int probeTargetsPerAco) {
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("no submission templates");
        }
        this.spec = spec;
        this.templates = List.copyOf(templates);
        this.probeTargetsPerAco = probeTargetsPerAco;
    }

    /** The non-withdrawn submissions of a dataset (the bundled sample: deploy/local/sample). */
    public static List<PiSubmission> sampleTemplates(Path dataset) {
        return Dataset.parse(dataset).events().stream()
                .filter(e -> e.topic().equals(Topics.SUBMISSIONS))
                .map(e -> (PiSubmission) e.value())
                .filter(s -> !s.getWithdrawn())
                .toList();
    }

    /** Streams every event to {@code events} and, after each ACO's events, its expected report to {@code expected}. */
    public void generate(Consumer<LoadEvent<?>> events, Consumer<ExpectedReport> expected) {
        ReferencePipeline reference = new ReferencePipeline(probeTargetsPerAco);
        Consumer<LoadEvent<?>> both = event -> {
            reference.accept(event);
            events.accept(event);
        };
        for (int aco = 0; aco < spec.acos(); aco++) {
            AcoYear acoYear = new AcoGenerator(aco, both).run();
            expected.accept(reference.finish(acoYear));
        }
    }

    /**
     * A latency probe: an individual PI submission for {@code target} from the submitter {@code bench-probe}, with the
     * first template's measurement set; each later probe of the same clinician supersedes the earlier one.
     */
    public LoadEvent<PiSubmission> probe(ExpectedReport.ProbeTarget target, String submissionId, Instant submittedAt) {
        PiSubmission submission = PiSubmission.newBuilder(templates.get(0))
                .setSubmissionId(submissionId)
                .setSubmitter("bench-probe")
                .setEntityType(EntityType.INDIVIDUAL)
                .setTin(target.tin())
                .setNpi(target.npi())
                .setVirtualGroupId(null)
                .setApmEntityId(null)
                .setSubmittedAt(submittedAt)
                .setWithdrawn(false)
                .build();
        return new LoadEvent<>(Topics.SUBMISSIONS, EventKeys.submission(submission.getPerformanceYear(), EntityType.INDIVIDUAL,
                target.tin() + ":" + target.npi()), submission, "probe");
    }

    /** One ACO's events; its own random stream, so ACOs do not depend on each other. */
    private final class AcoGenerator {

        private final int aco;
        private final Consumer<LoadEvent<?>> out;
        private final SplittableRandom random;
        private final SplittableRandom virtualGroups;
        private final int py = spec.performanceYear();
        private final String acoId;
        private final String virtualGroupId;
        private boolean virtualGroupJoined;
        private final List<PiSubmission> submissions = new ArrayList<>();

        AcoGenerator(int aco, Consumer<LoadEvent<?>> out) {
            this.aco = aco;
            this.out = out;
            this.random = new SplittableRandom(spec.seed() * 1_000_003L + aco);
            this.virtualGroups = new SplittableRandom(spec.seed() * 7_000_003L + aco);
            this.acoId = String.format("A%04d", aco + 1);
            this.virtualGroupId = "VG-" + acoId;
        }

        AcoYear run() {
            boolean reach = aco % 50 == 49;
            AcoProfile profile = AcoProfile.newBuilder()
                    .setAcoId(acoId)
                    .setPerformanceYear(py)
                    .setLegalName("Synthetic ACO " + (aco + 1) + ", LLC")
                    .setProgram(reach ? Program.REACH : Program.MSSP)
                    .setTrack(reach ? null : Track.values()[random.nextInt(Track.values().length)])
                    .setAllFqhcRhc(false)
                    .setPublicReportingUrl("https://aco" + (aco + 1) + ".example/pi")
                    .setUpdatedAt(day(py, 1, 2))
                    .build();
            out.accept(new LoadEvent<>(Topics.ACO_PROFILES, EventKeys.acoYear(acoId, py), profile, "generated"));
            for (int t = 0; t < spec.tinsPerAco(); t++) {
                tin(t);
            }
            if (virtualGroupJoined) {
                submissions.addAll(submission(EntityType.VIRTUAL_GROUP, null, null, "vg-registry"));
            }
            submissions.forEach(s -> out.accept(new LoadEvent<>(Topics.SUBMISSIONS,
                    EventKeys.submission(py, s.getEntityType(), EventMapping.entity(s).entityId()), s, "generated")));
            return new AcoYear(acoId, py);
        }

        private void tin(int t) {
            String tin = String.format("%09d", 200_000_000L + aco * 10_000L + t);
            int size = clinicians();
            boolean fqhc = random.nextDouble() < 0.02;
            List<SpecialStatus> tinStatuses = size <= 15 && random.nextDouble() < 0.35
                    ? List.of(SpecialStatus.SMALL_PRACTICE) : List.of();
            if (random.nextDouble() < 0.03) {
                hardship(tin, null, HardshipLevel.TIN);
            }
            // a separate stream, so that the rest of the program is the same with or without virtual groups
            String virtualGroup = size <= 10 && virtualGroups.nextDouble() < 0.08 ? virtualGroupId : null;
            virtualGroupJoined |= virtualGroup != null;
            for (int n = 0; n < size; n++) {
                String npi = Identifiers.npiWithCheckDigit(String.format("1%08d", aco * 100_000 + t * 100 + n));
                clinician(tin, npi, fqhc, tinStatuses, virtualGroup);
            }
            submissions.addAll(submission(EntityType.GROUP, tin, null, "ehr-" + (t % 7)));
        }

        /** Mean {@code meanNpisPerTin}: 70% small practices, 30% larger groups. */
        private int clinicians() {
            int mean = spec.meanNpisPerTin();
            int smallMax = Math.max(1, (int) Math.round(mean * 0.8));
            if (random.nextDouble() < 0.7) {
                return 1 + random.nextInt(smallMax);
            }
            int large = Math.max(1, (int) Math.round((mean - 0.7 * (1 + smallMax) / 2.0) / 0.3));
            return Math.max(1, large / 2 + random.nextInt(large + 1));
        }

        private void clinician(String tin, String npi, boolean fqhc, List<SpecialStatus> tinStatuses, String virtualGroup) {
            String type = pick(CLINICIAN_TYPES, CLINICIAN_TYPE_SHARES);
            double where = random.nextDouble();
            String key = EventKeys.clinician(py, tin, npi);
            if (where < 0.01) {
                roster(key, tin, npi, type, 4, RosterStatus.ACTIVE);
            } else {
                roster(key, tin, npi, type, 3, RosterStatus.ACTIVE);
                if (where < 0.02) {
                    roster(key, tin, npi, type, 4, RosterStatus.REMOVED);
                }
            }
            double qp = random.nextDouble();
            List<SpecialStatus> own = new ArrayList<>();
            if (random.nextDouble() < 0.03) {
                own.add(SpecialStatus.HOSPITAL_BASED);
            }
            if (random.nextDouble() < 0.02) {
                own.add(SpecialStatus.NON_PATIENT_FACING);
            }
            ClinicianFacts facts = ClinicianFacts.newBuilder()
                    .setPerformanceYear(py)
                    .setTin(tin)
                    .setNpi(npi)
                    .setMipsEligible(random.nextDouble() < 0.97)
                    .setExceedsLowVolumeThreshold(random.nextDouble() < 0.9)
                    .setQpStatus(qp < 0.25 ? QpStatus.QP : qp < 0.30 ? QpStatus.PARTIAL_QP : QpStatus.NONE)
                    .setSpecialStatuses(own)
                    .setTinSpecialStatuses(tinStatuses)
                    .setFqhcRhcOnly(fqhc)
                    .setAutomaticEuc(random.nextDouble() < 0.01)
                    .setDataCompromised(random.nextDouble() < 0.005)
                    .setPartialQpElectsMips(random.nextDouble() < 0.3)
                    .setVirtualGroupId(virtualGroup)
                    .setSnapshot(3)
                    .setAsOf(day(py, 12, 15))
                    .build();
            out.accept(new LoadEvent<>(Topics.CLINICIAN_FACTS, key, facts, "generated"));
            if (random.nextDouble() < 0.01) {
                hardship(tin, npi, HardshipLevel.INDIVIDUAL);
            }
            if (random.nextDouble() < 0.2) {
                submissions.addAll(submission(EntityType.INDIVIDUAL, tin, npi, "registry-" + random.nextInt(3)));
            }
        }

        private void roster(String key, String tin, String npi, String type, int snapshot, RosterStatus status) {
            RosterEntry entry = RosterEntry.newBuilder()
                    .setEventId(uuid())
                    .setAcoId(acoId)
                    .setPerformanceYear(py)
                    .setTin(tin)
                    .setNpi(npi)
                    .setClinicianType(type)
                    .setSnapshot(snapshot)
                    .setStatus(status)
                    .setRecordedAt(snapshot == 3 ? day(py, 8, 31) : day(py, 12, 31))
                    .build();
            out.accept(new LoadEvent<>(Topics.ROSTER, key, entry, "generated"));
        }

        private void hardship(String tin, String npi, HardshipLevel level) {
            double s = random.nextDouble();
            HardshipDecision decision = HardshipDecision.newBuilder()
                    .setEventId(uuid())
                    .setPerformanceYear(py)
                    .setTin(tin)
                    .setNpi(npi)
                    .setLevel(level)
                    .setBasis(HardshipBasis.values()[random.nextInt(HardshipBasis.values().length)])
                    .setStatus(s < 0.7 ? HardshipStatus.APPROVED : s < 0.85 ? HardshipStatus.PENDING : HardshipStatus.DENIED)
                    .setDecidedAt(day(py, 10, 1 + random.nextInt(28)))
                    .build();
            String key = npi == null ? EventKeys.wholeTin(py, tin) : EventKeys.clinician(py, tin, npi);
            out.accept(new LoadEvent<>(Topics.HARDSHIPS, key, decision, "generated"));
        }

        /**
         * One submission; or (3%) two versions from the same submitter, the newer one first; or (3% of groups) a
         * submission that its submitter withdraws later.
         */
        private List<PiSubmission> submission(EntityType type, String tin, String npi, String submitter) {
            Instant at = day(py + 1, 1, 10).plusSeconds(random.nextInt(40 * 86_400));
            PiSubmission newest = measurementSet(type, tin, npi, submitter, at);
            double variant = random.nextDouble();
            if (variant < 0.03) {
                return List.of(newest, measurementSet(type, tin, npi, submitter, at.minusSeconds(86_400 + random.nextInt(86_400))));
            }
            if (variant < 0.06 && type == EntityType.GROUP) {
                return List.of(newest, PiSubmission.newBuilder(newest).setSubmissionId(uuid()).setWithdrawn(true)
                        .setSubmittedAt(at.plusSeconds(86_400)).build());
            }
            return List.of(newest);
        }

        private PiSubmission measurementSet(EntityType type, String tin, String npi, String submitter, Instant at) {
            PiSubmission template = templates.get(random.nextInt(templates.size()));
            List<Measurement> measurements = new ArrayList<>(template.getMeasurements().size());
            for (Measurement m : template.getMeasurements()) {
                measurements.add(m.getValue() instanceof Proportion p ? new Measurement(m.getMeasureId(), proportion(p)) : m);
            }
            return PiSubmission.newBuilder(template)
                    .setSubmissionId(uuid())
                    .setSubmitter(submitter)
                    .setEntityType(type)
                    .setTin(tin)
                    .setNpi(npi)
                    .setVirtualGroupId(type == EntityType.VIRTUAL_GROUP ? virtualGroupId : null)
                    .setApmEntityId(null)
                    .setPerformanceYear(py)
                    .setMeasurements(measurements)
                    .setSubmittedAt(at)
                    .setWithdrawn(false)
                    .build();
        }

        /** A new denominator; the numerator keeps the template's zero, otherwise 20-100% of the denominator. */
        private Proportion proportion(Proportion template) {
            long denominator = 20 + random.nextInt(6_000);
            long numerator = template.getNumerator() == 0 ? 0
                    : Math.max(1, Math.round(denominator * (0.2 + 0.8 * random.nextDouble())));
            return new Proportion(numerator, denominator);
        }

        private String pick(String[] values, double[] shares) {
            double r = random.nextDouble();
            for (int i = 0; i < values.length - 1; i++) {
                r -= shares[i];
                if (r < 0) {
                    return values[i];
                }
            }
            return values[values.length - 1];
        }

        private String uuid() {
            return new UUID(random.nextLong(), random.nextLong()).toString();
        }

        private static Instant day(int year, int month, int day) {
            return LocalDate.of(year, month, day).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }
}
