package org.acopi.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.acopi.contracts.Identifiers;
import org.acopi.events.AcoProfile;
import org.acopi.events.ApmEntityScore;
import org.acopi.events.ApmEntityScoreMethod;
import org.acopi.events.ClinicianScore;
import org.acopi.events.EntityType;
import org.acopi.events.LevelScore;
import org.acopi.events.ParticipantEligibility;
import org.acopi.events.ReweightingKind;
import org.acopi.events.RosterStatus;
import org.acopi.events.Program;
import org.acopi.events.Track;
import org.acopi.reporting.acoprofile.AcoProfileSummary;
import org.acopi.reporting.participants.CandidateScore;
import org.acopi.reporting.participants.EligibilityPart;
import org.acopi.reporting.participants.Participant;
import org.acopi.reporting.participants.ParticipantUpdate;
import org.acopi.reporting.participants.ScorePart;
import org.acopi.reporting.participants.SourceVersion;

/** Builders of participants, their parts and ACO profiles for tests. */
public final class Fixtures {

    public static final String ELIGIBILITY_TOPIC = "acopi.participant-eligibility.v1";
    public static final String SCORES_TOPIC = "acopi.clinician-scores.v1";
    public static final String PROFILES_TOPIC = "acopi.aco-profiles.v1";
    public static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private Fixtures() {
    }

    /** A valid NPI made from a small number. */
    public static String npi(int n) {
        return Identifiers.npiWithCheckDigit(String.format("1%08d", n));
    }

    /** A valid TIN made from a small number. */
    public static String tin(int n) {
        return String.format("98700%04d", n);
    }

    public static SourceVersion version(String topic, long offset) {
        return new SourceVersion(topic, 0, offset, T0.plusSeconds(offset));
    }

    public static Eligibility eligibility(String acoId) {
        return new Eligibility(acoId);
    }

    public static Score score(String acoId) {
        return new Score(acoId);
    }

    public static Participant participant(int py, String tin, String npi, Eligibility eligibility, Score score) {
        return new Participant(Participant.id(py, tin, npi), py, tin, npi,
                eligibility == null ? null : eligibility.build(), score == null ? null : score.build());
    }

    /** The PY2026 profile of an MSSP ENHANCED ACO updated {@code minutes} after T0, as stored from record {@code offset}. */
    public static AcoProfileSummary profile(String acoId, String legalName, long minutes, long offset) {
        return new AcoProfileSummary(acoId, 2026, legalName, "MSSP", "ENHANCED", false, reportingUrl(acoId),
                T0.plusSeconds(60 * minutes), new SourceVersion(PROFILES_TOPIC, 0, offset, T0.plusSeconds(offset)));
    }

    /** The AcoProfile event of an MSSP ENHANCED ACO. */
    public static AcoProfile profileEvent(String acoId, int py, String legalName, Instant updatedAt) {
        return AcoProfile.newBuilder().setAcoId(acoId).setPerformanceYear(py).setLegalName(legalName)
                .setProgram(Program.MSSP).setTrack(Track.ENHANCED).setPublicReportingUrl(reportingUrl(acoId))
                .setUpdatedAt(updatedAt).build();
    }

    /** A ParticipantEligibility event of an active clinician of TIN n and NPI m, required or excluded for the reason. */
    public static ParticipantEligibility eligibilityEvent(String acoId, int py, int tin, int npi, boolean required, String reason) {
        return ParticipantEligibility.newBuilder()
                .setAcoId(acoId).setPerformanceYear(py).setTin(tin(tin)).setNpi(npi(npi))
                .setRosterStatus(RosterStatus.ACTIVE)
                .setSspRequired(required).setSspEnforced(true).setMipsPiRequired(required)
                .setReasonCodes(List.of(reason))
                .setReweighting(reason.startsWith("REWEIGHT_") ? ReweightingKind.AUTOMATIC : ReweightingKind.NONE)
                .setSnapshot(3).setRulesVersion("acopi-pi-rules/2026.1")
                .build();
    }

    /** A ClinicianScore event: scored at {@code level} with {@code value}, from one submission. */
    public static ClinicianScore scoreEvent(String acoId, int py, int tin, int npi, double value, EntityType level) {
        return ClinicianScore.newBuilder()
                .setAcoId(acoId).setPerformanceYear(py).setTin(tin(tin)).setNpi(npi(npi))
                .setRosterStatus(RosterStatus.ACTIVE)
                .setScored(true).setFinalScore(value).setSource(level)
                .setCandidates(List.of(new LevelScore(level, value, "sub-" + npi, "ehr-a")))
                .setRulesVersion("acopi-pi-rules/2026.1")
                .build();
    }

    /** A rolled-up ApmEntityScore event of three scored clinicians. */
    public static ApmEntityScore apmEntityScoreEvent(String acoId, int py, double value) {
        return ApmEntityScore.newBuilder()
                .setAcoId(acoId).setPerformanceYear(py).setMethod(ApmEntityScoreMethod.ROLLED_UP).setScore(value)
                .setCliniciansCounted(3).setCliniciansScored(3).setLeftOutReweighted(0)
                .setRulesVersion("acopi-pi-rules/2026.1")
                .build();
    }

    public static String reportingUrl(String acoId) {
        return "https://aco.example/" + acoId + "/public-reporting";
    }

    /** A builder of a determination; defaults: active, required (REQUIRED), enforced, no reweighting, offset 1. */
    public static final class Eligibility {
        private String acoId;
        private String rosterStatus = "ACTIVE";
        private boolean sspRequired = true;
        private boolean sspEnforced = true;
        private List<String> reasons = List.of("REQUIRED");
        private String reweighting = "NONE";
        private boolean factsKnown = true;
        private boolean dataCompromised;
        private long offset = 1;
        private int partition;
        private String explanation = "";

        private Eligibility(String acoId) {
            this.acoId = acoId;
        }

        public Eligibility aco(String id) {
            this.acoId = id;
            return this;
        }

        public Eligibility excluded(String... reasonCodes) {
            this.sspRequired = false;
            this.reasons = List.of(reasonCodes);
            if (reasonCodes.length > 0 && reasonCodes[0].startsWith("REWEIGHT_APP")) {
                this.reweighting = "APPLICATION_APPROVED";
            } else if (reasonCodes.length > 0 && reasonCodes[0].startsWith("REWEIGHT_")) {
                this.reweighting = "AUTOMATIC";
            }
            return this;
        }

        public Eligibility required(String... reasonCodes) {
            this.sspRequired = true;
            this.reasons = List.of(reasonCodes);
            return this;
        }

        public Eligibility notEnforced() {
            this.sspEnforced = false;
            return this;
        }

        public Eligibility removed() {
            this.rosterStatus = "REMOVED";
            return this;
        }

        public Eligibility factsPending() {
            this.factsKnown = false;
            return this;
        }

        public Eligibility dataCompromised() {
            this.dataCompromised = true;
            return this;
        }

        public Eligibility offset(long o) {
            this.offset = o;
            return this;
        }

        public Eligibility partition(int p) {
            this.partition = p;
            return this;
        }

        public Eligibility explanation(String text) {
            this.explanation = text;
            return this;
        }

        public EligibilityPart build() {
            return new EligibilityPart(acoId, rosterStatus, "MD", "NONE", sspRequired, sspEnforced, sspRequired, reasons,
                    reweighting, dataCompromised, factsKnown, 3, Map.of("acopi.roster.v1", "0-7"), explanation,
                    "acopi-pi-rules/2026.1",
                    new SourceVersion(ELIGIBILITY_TOPIC, partition, offset, T0.plusSeconds(offset)));
        }

        public ParticipantUpdate update(int py, String tin, String npi) {
            return ParticipantUpdate.of(py, tin, npi, build());
        }
    }

    /** A builder of a final score; defaults: active, not scored, offset 1. */
    public static final class Score {
        private final String acoId;
        private String rosterStatus = "ACTIVE";
        private boolean scored;
        private Double finalScore;
        private String source;
        private long offset = 1;

        private Score(String acoId) {
            this.acoId = acoId;
        }

        public Score scored(double value, String level) {
            this.scored = true;
            this.finalScore = value;
            this.source = level;
            return this;
        }

        public Score notScored() {
            this.scored = false;
            this.finalScore = null;
            this.source = null;
            return this;
        }

        public Score removed() {
            this.rosterStatus = "REMOVED";
            return this;
        }

        public Score offset(long o) {
            this.offset = o;
            return this;
        }

        public ScorePart build() {
            List<CandidateScore> candidates = scored
                    ? List.of(new CandidateScore(source, finalScore, "sub-" + offset, "ehr-a"))
                    : List.of();
            return new ScorePart(acoId, rosterStatus, scored, finalScore, source,
                    scored ? List.of("sub-" + offset) : List.of(), candidates, List.of(), "acopi-pi-rules/2026.1",
                    new SourceVersion(SCORES_TOPIC, 0, offset, T0.plusSeconds(100 + offset)));
        }

        public ParticipantUpdate update(int py, String tin, String npi) {
            return ParticipantUpdate.of(py, tin, npi, build());
        }
    }
}
