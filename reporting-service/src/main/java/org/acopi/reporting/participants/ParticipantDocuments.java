package org.acopi.reporting.participants;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acopi.reporting.VersionedUpserts;
import org.bson.Document;

/** The BSON shape of a {@code participants} document (reporting-service/README.md shows an example). */
final class ParticipantDocuments {

    static final String ID = "_id";
    static final String ACO_ID = "acoId";
    static final String PERFORMANCE_YEAR = "performanceYear";
    static final String TIN = "tin";
    static final String NPI = "npi";
    static final String ELIGIBILITY = "eligibility";
    static final String SCORE = "score";
    static final String STATUS = "status";
    static final String VERSION = "version";
    static final String REVISION = "revision";

    private ParticipantDocuments() {
    }

    static Participant participant(Document doc) {
        Document eligibility = doc.get(ELIGIBILITY, Document.class);
        Document score = doc.get(SCORE, Document.class);
        return new Participant(doc.getString(ID), doc.getInteger(PERFORMANCE_YEAR), doc.getString(TIN), doc.getString(NPI),
                eligibility == null ? null : eligibility(eligibility),
                score == null ? null : score(score));
    }

    /** The whole document of a participant: its parts, the ACO it belongs to, its status and revision. */
    static Document document(Participant participant, Document status, long revision) {
        Document doc = new Document(ID, participant.id())
                .append(ACO_ID, participant.acoId())
                .append(PERFORMANCE_YEAR, participant.performanceYear())
                .append(TIN, participant.tin())
                .append(NPI, participant.npi());
        if (participant.eligibility() != null) {
            doc.append(ELIGIBILITY, eligibility(participant.eligibility()));
        }
        if (participant.score() != null) {
            doc.append(SCORE, score(participant.score()));
        }
        return doc.append(STATUS, status).append(REVISION, revision);
    }

    static Document version(SourceVersion version) {
        return VersionedUpserts.versionDocument(version);
    }

    static SourceVersion version(Document doc) {
        return VersionedUpserts.version(doc);
    }

    static Document eligibility(EligibilityPart part) {
        List<Document> inputs = new ArrayList<>();
        part.inputVersions().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> inputs.add(new Document("input", e.getKey()).append("version", e.getValue())));
        return new Document(ACO_ID, part.acoId())
                .append("rosterStatus", part.rosterStatus())
                .append("clinicianType", part.clinicianType())
                .append("qpStatus", part.qpStatus())
                .append("sspRequired", part.sspRequired())
                .append("sspEnforced", part.sspEnforced())
                .append("mipsPiRequired", part.mipsPiRequired())
                .append("reasonCodes", part.reasonCodes())
                .append("reweighting", part.reweighting())
                .append("dataCompromised", part.dataCompromised())
                .append("factsKnown", part.factsKnown())
                .append("snapshot", part.snapshot())
                .append("inputVersions", inputs)
                .append("explanation", part.explanation())
                .append("rulesVersion", part.rulesVersion())
                .append(VERSION, version(part.version()));
    }

    static EligibilityPart eligibility(Document doc) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (Document input : doc.getList("inputVersions", Document.class, List.of())) {
            inputs.put(input.getString("input"), input.getString("version"));
        }
        return new EligibilityPart(doc.getString(ACO_ID), doc.getString("rosterStatus"), doc.getString("clinicianType"),
                doc.getString("qpStatus"), doc.getBoolean("sspRequired", false), doc.getBoolean("sspEnforced", false),
                doc.getBoolean("mipsPiRequired", false), doc.getList("reasonCodes", String.class, List.of()),
                doc.getString("reweighting"), doc.getBoolean("dataCompromised", false), doc.getBoolean("factsKnown", true),
                doc.getInteger("snapshot", 0), inputs, doc.getString("explanation"), doc.getString("rulesVersion"),
                version(doc.get(VERSION, Document.class)));
    }

    static Document score(ScorePart part) {
        List<Document> candidates = part.candidates().stream()
                .map(c -> new Document("level", c.level()).append("score", c.score())
                        .append("submissionId", c.submissionId()).append("submitter", c.submitter()))
                .toList();
        return new Document(ACO_ID, part.acoId())
                .append("rosterStatus", part.rosterStatus())
                .append("scored", part.scored())
                .append("finalScore", part.finalScore())
                .append("source", part.source())
                .append("contributingSubmissionIds", part.contributingSubmissionIds())
                .append("candidates", candidates)
                .append("reasonCodes", part.reasonCodes())
                .append("rulesVersion", part.rulesVersion())
                .append(VERSION, version(part.version()));
    }

    static ScorePart score(Document doc) {
        List<CandidateScore> candidates = doc.getList("candidates", Document.class, List.of()).stream()
                .map(c -> new CandidateScore(c.getString("level"), ((Number) c.get("score")).doubleValue(),
                        c.getString("submissionId"), c.getString("submitter")))
                .toList();
        Number finalScore = (Number) doc.get("finalScore");
        return new ScorePart(doc.getString(ACO_ID), doc.getString("rosterStatus"), doc.getBoolean("scored", false),
                finalScore == null ? null : finalScore.doubleValue(), doc.getString("source"),
                doc.getList("contributingSubmissionIds", String.class, List.of()), candidates,
                doc.getList("reasonCodes", String.class, List.of()), doc.getString("rulesVersion"),
                version(doc.get(VERSION, Document.class)));
    }

    static Document status(ParticipantStatus status) {
        return new Document("counted", status.counted())
                .append("required", status.required())
                .append("excluded", status.excluded())
                .append("scored", status.scored())
                .append("earnedPiScore", status.earnedPiScore())
                .append("metRequirementNotExcluded", status.metRequirementNotExcluded())
                .append("excludedVoluntarilyReported", status.excludedVoluntarilyReported())
                .append("requiredNotScored", status.requiredNotScored())
                .append("determinationPending", status.determinationPending())
                .append("decidingReason", status.decidingReason());
    }
}
