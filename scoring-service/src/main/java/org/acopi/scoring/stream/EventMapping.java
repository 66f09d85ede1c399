package org.acopi.scoring.stream;

import java.util.ArrayList;
import java.util.List;
import org.acopi.events.ApmEntityScore;
import org.acopi.events.ClinicianScore;
import org.acopi.events.LevelScore;
import org.acopi.events.Measurement;
import org.acopi.events.ParticipantEligibility;
import org.acopi.events.PiSubmission;
import org.acopi.events.Proportion;
import org.acopi.events.ReweightingKind;
import org.acopi.events.RosterStatus;
import org.acopi.events.SubmissionScore;
import org.acopi.scoring.rollup.ApmEntityResult;
import org.acopi.scoring.rollup.ApmEntityRollup;
import org.acopi.scoring.rollup.ClinicianFinalScore;
import org.acopi.scoring.rollup.ClinicianStanding;
import org.acopi.scoring.rollup.LevelCandidate;
import org.acopi.scoring.rules.MeasurePart;
import org.acopi.scoring.rules.MeasureValue;
import org.acopi.scoring.rules.PiMeasurementSet;
import org.acopi.scoring.rules.PiScore;
import org.acopi.scoring.rules.Problem;
import org.acopi.scoring.rules.ReportedMeasure;
import org.acopi.scoring.rules.SubmittingEntity;

/**
 * Converts between the Avro events of the topic catalogue and the scoring domain; no decisions are made here. Public
 * for the benchmark's reference pipeline (deploy/local), which must map events exactly as the topology does.
 */
public final class EventMapping {

    private EventMapping() {
    }

    public static SubmittingEntity entity(PiSubmission s) {
        return new SubmittingEntity(s.getEntityType(), s.getTin(), s.getNpi(), s.getVirtualGroupId(), s.getApmEntityId());
    }

    public static PiMeasurementSet measurementSet(PiSubmission s) {
        List<ReportedMeasure> measures = new ArrayList<>(s.getMeasurements().size());
        for (Measurement m : s.getMeasurements()) {
            measures.add(new ReportedMeasure(m.getMeasureId(), value(m.getValue())));
        }
        return new PiMeasurementSet(entity(s), s.getPerformanceYear(), s.getSubmissionMethod(), s.getPerformanceStart(),
                s.getPerformanceEnd(), s.getCehrtId(), measures);
    }

    private static MeasureValue value(Object avroValue) {
        if (avroValue instanceof Boolean yes) {
            return new MeasureValue.YesNo(yes);
        }
        if (avroValue instanceof Proportion p) {
            return new MeasureValue.Ratio(p.getNumerator(), p.getDenominator());
        }
        return null;
    }

    /** The published score of a valid submission, or of a withdrawal when {@code score} is null. */
    static SubmissionScore submissionScore(PiSubmission s, String entityId, PiScore score, String rulesVersion) {
        SubmissionScore.Builder out = SubmissionScore.newBuilder()
                .setSubmissionId(s.getSubmissionId())
                .setSubmitter(s.getSubmitter())
                .setEntityType(s.getEntityType())
                .setEntityId(entityId)
                .setTin(s.getTin())
                .setNpi(s.getNpi())
                .setPerformanceYear(s.getPerformanceYear())
                .setSubmittedAt(s.getSubmittedAt())
                .setWithdrawn(s.getWithdrawn())
                .setValid(true)
                .setRulesVersion(rulesVersion);
        if (score == null) {
            return out.setScore(null).setBonus(0).setParts(List.of()).setZeroReasons(List.of()).setProblems(List.of())
                    .build();
        }
        return out.setValid(score.valid())
                .setScore(score.score() == null ? null : score.score().doubleValue())
                .setBonus(score.bonus())
                .setParts(score.parts().stream().map(EventMapping::part).toList())
                .setZeroReasons(score.zeroReasons())
                .setProblems(score.problems().stream().map(EventMapping::problem).toList())
                .build();
    }

    private static org.acopi.events.MeasurePart part(MeasurePart p) {
        return new org.acopi.events.MeasurePart(p.measureId(), p.objective(), p.value(), p.points(), p.maxPoints(),
                p.formula(), p.status());
    }

    private static org.acopi.events.Problem problem(Problem p) {
        return new org.acopi.events.Problem(p.number(), p.code(), p.message());
    }

    public static ClinicianStanding standing(ParticipantEligibility e) {
        return new ClinicianStanding(e.getAcoId(), e.getPerformanceYear(), e.getTin(), e.getNpi(),
                e.getRosterStatus() == RosterStatus.REMOVED, e.getReweighting() != ReweightingKind.NONE,
                e.getDataCompromised(), e.getReasonCodes(), e.getVirtualGroupId());
    }

    public static ClinicianScore clinicianScore(ClinicianStanding standing, ClinicianFinalScore result, String rulesVersion) {
        return ClinicianScore.newBuilder()
                .setAcoId(standing.acoId())
                .setPerformanceYear(standing.performanceYear())
                .setTin(standing.tin())
                .setNpi(standing.npi())
                .setRosterStatus(standing.removed() ? RosterStatus.REMOVED : RosterStatus.ACTIVE)
                .setScored(result.scored())
                .setFinalScore(result.finalScore())
                .setSource(result.source())
                .setContributingSubmissionIds(result.contributingSubmissionIds())
                .setCandidates(result.candidates().stream().map(EventMapping::levelScore).toList())
                .setReasonCodes(result.reasonCodes())
                .setRulesVersion(rulesVersion)
                .build();
    }

    private static LevelScore levelScore(LevelCandidate c) {
        return new LevelScore(c.level(), c.score(), c.submissionId(), c.submitter());
    }

    static ApmEntityScore apmEntityScore(ApmEntityRollup rollup, ApmEntityResult result, String rulesVersion) {
        return ApmEntityScore.newBuilder()
                .setAcoId(rollup.acoId())
                .setPerformanceYear(rollup.performanceYear())
                .setMethod(result.method())
                .setScore(result.score())
                .setCliniciansCounted(result.cliniciansCounted())
                .setCliniciansScored(result.cliniciansScored())
                .setLeftOutReweighted(result.leftOutReweighted())
                .setEntitySubmissionId(result.entitySubmissionId())
                .setFormula(result.formula())
                .setReasonCodes(result.reasonCodes())
                .setRulesVersion(rulesVersion)
                .build();
    }
}
