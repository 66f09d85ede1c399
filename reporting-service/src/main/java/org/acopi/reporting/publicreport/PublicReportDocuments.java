package org.acopi.reporting.publicreport;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acopi.reporting.VersionedUpserts;
import org.acopi.reporting.publicreport.ComputedFrom.OffsetWatermark;
import org.bson.Document;

/** The BSON shapes of {@code public_reports} and {@code apm_entity_scores} documents (see reporting-service/README.md). */
final class PublicReportDocuments {

    private PublicReportDocuments() {
    }

    static Document apmEntityScore(ApmEntityScoreSummary score) {
        return new Document("acoId", score.acoId())
                .append("performanceYear", score.performanceYear())
                .append("method", score.method())
                .append("score", score.score())
                .append("cliniciansCounted", score.cliniciansCounted())
                .append("cliniciansScored", score.cliniciansScored())
                .append("leftOutReweighted", score.leftOutReweighted())
                .append("entitySubmissionId", score.entitySubmissionId())
                .append("formula", score.formula())
                .append("reasonCodes", score.reasonCodes())
                .append("rulesVersion", score.rulesVersion())
                .append("version", VersionedUpserts.versionDocument(score.version()));
    }

    static ApmEntityScoreSummary apmEntityScore(Document doc) {
        Number score = (Number) doc.get("score");
        return new ApmEntityScoreSummary(doc.getString("acoId"), doc.getInteger("performanceYear"), doc.getString("method"),
                score == null ? null : score.doubleValue(), doc.getInteger("cliniciansCounted", 0),
                doc.getInteger("cliniciansScored", 0), doc.getInteger("leftOutReweighted", 0),
                doc.getString("entitySubmissionId"), doc.getString("formula"),
                doc.getList("reasonCodes", String.class, List.of()), doc.getString("rulesVersion"),
                VersionedUpserts.version(doc.get("version", Document.class)));
    }

    /** The report's fields, to {@code $set} (the id and the revision counters are written separately). */
    static Document report(PublicReport report) {
        return new Document("acoId", report.acoId())
                .append("performanceYear", report.performanceYear())
                .append("enforced", report.enforced())
                .append("exempt", report.exempt())
                .append("exemptReason", report.exemptReason())
                .append("providersSuppliers", counts(report.providersSuppliers()))
                .append("participants", counts(report.participants()))
                .append("apmEntityScore", report.apmEntityScore() == null ? null : apmEntityScore(report.apmEntityScore()))
                .append("asOf", report.asOf() == null ? null : Date.from(report.asOf()))
                .append("computedFrom", computedFrom(report.computedFrom()));
    }

    static PublicReport report(Document doc) {
        Document apm = doc.get("apmEntityScore", Document.class);
        Date asOf = doc.getDate("asOf");
        return new PublicReport(doc.getString("acoId"), doc.getInteger("performanceYear"), doc.getBoolean("enforced", true),
                doc.getBoolean("exempt", false), doc.getString("exemptReason"),
                counts(doc.get("providersSuppliers", Document.class)), counts(doc.get("participants", Document.class)),
                apm == null ? null : apmEntityScore(apm), asOf == null ? null : asOf.toInstant(),
                computedFrom(doc.get("computedFrom", Document.class)));
    }

    private static Document counts(PublicCounts counts) {
        List<Document> byReason = new ArrayList<>();
        counts.excludedByReason().forEach((reason, n) -> byReason.add(new Document("reason", reason).append("count", n)));
        return new Document("earnedPiScore", counts.earnedPiScore())
                .append("metRequirementNotExcluded", counts.metRequirementNotExcluded())
                .append("excludedVoluntarilyReported", counts.excludedVoluntarilyReported())
                .append("activeRoster", counts.activeRoster())
                .append("required", counts.required())
                .append("excluded", counts.excluded())
                .append("excludedByReason", byReason)
                .append("requiredNotScored", counts.requiredNotScored())
                .append("scored", counts.scored())
                .append("determinationPending", counts.determinationPending());
    }

    private static PublicCounts counts(Document doc) {
        Map<String, Integer> byReason = new LinkedHashMap<>();
        for (Document entry : doc.getList("excludedByReason", Document.class, List.of())) {
            byReason.put(entry.getString("reason"), entry.getInteger("count"));
        }
        return new PublicCounts(doc.getInteger("earnedPiScore", 0), doc.getInteger("metRequirementNotExcluded", 0),
                doc.getInteger("excludedVoluntarilyReported", 0), doc.getInteger("activeRoster", 0),
                doc.getInteger("required", 0), doc.getInteger("excluded", 0), byReason,
                doc.getInteger("requiredNotScored", 0), doc.getInteger("scored", 0), doc.getInteger("determinationPending", 0));
    }

    private static Document computedFrom(ComputedFrom from) {
        List<Document> offsets = from.offsets().stream()
                .map(o -> new Document("topic", o.topic()).append("partition", o.partition()).append("maxOffset", o.maxOffset()))
                .toList();
        return new Document("participantDocuments", from.participantDocuments())
                .append("offsets", offsets)
                .append("apmEntityScore", from.apmEntityScore() == null ? null : VersionedUpserts.versionDocument(from.apmEntityScore()))
                .append("eligibilityRulesVersions", from.eligibilityRulesVersions())
                .append("scoringRulesVersions", from.scoringRulesVersions())
                .append("countingRulesVersion", from.countingRulesVersion());
    }

    private static ComputedFrom computedFrom(Document doc) {
        List<OffsetWatermark> offsets = doc.getList("offsets", Document.class, List.of()).stream()
                .map(o -> new OffsetWatermark(o.getString("topic"), o.getInteger("partition"), ((Number) o.get("maxOffset")).longValue()))
                .toList();
        return new ComputedFrom(doc.getInteger("participantDocuments", 0), offsets,
                VersionedUpserts.version(doc.get("apmEntityScore", Document.class)),
                doc.getList("eligibilityRulesVersions", String.class, List.of()),
                doc.getList("scoringRulesVersions", String.class, List.of()), doc.getString("countingRulesVersion"));
    }
}
