package org.acopi.reporting.publicreport;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.acopi.reporting.VersionedUpserts;
import org.acopi.reporting.participants.AcoYear;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The {@code public_reports} collection: one document per ACO and PY (design.md §6), written only by the sink of the
 * reporting topology's report changelog ({@link #store}) as {@code _id}-pinned replace-upserts in one unordered bulk
 * write, with no read first. The sink reads each changelog partition in offset order and passes only the last tally of
 * each ACO and PY in a batch, so a later revision ({@code revision.computed}, the number of changes applied) is always
 * written after an earlier one.
 */
@Repository
public class PublicReportRepository {

    public static final String COLLECTION = "public_reports";
    private static final String COMPUTED = "revision.computed";
    private static final String REQUIRED_COUNT = "providersSuppliers.required";
    private static final String SCORED_COUNT = "providersSuppliers.scored";
    private static final String REQUIRED_NOT_SCORED_COUNT = "providersSuppliers.requiredNotScored";

    private final MongoCollection<Document> reports;

    public PublicReportRepository(MongoDatabase database) {
        this.reports = database.getCollection(COLLECTION);
    }

    /** Stores each report at its revision, replacing what is stored under its {@code _id}. */
    public void store(List<RevisedReport> batch) {
        List<WriteModel<Document>> writes = new ArrayList<>(batch.size());
        for (RevisedReport revised : batch) {
            PublicReport report = revised.report();
            AcoYear acoYear = new AcoYear(report.acoId(), report.performanceYear());
            Document doc = new Document("_id", acoYear.key());
            doc.putAll(PublicReportDocuments.report(report));
            doc.append("revision", new Document("computed", revised.revision()));
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", acoYear.key()), doc, new ReplaceOptions().upsert(true)));
        }
        VersionedUpserts.bulkWrite(reports, writes);
    }

    /** A report and the revision of the running sums it was made from. */
    public record RevisedReport(PublicReport report, long revision) {
    }

    /** The stored report, if one was ever computed. */
    public Optional<PublicReport> find(AcoYear acoYear) {
        Document doc = reports.find(Filters.eq("_id", acoYear.key())).first();
        return Optional.ofNullable(doc).map(PublicReportDocuments::report);
    }

    /** Every computed report, by ACO id then PY (the operations console's overview; one document per ACO and PY). */
    public List<PublicReport> findAll() {
        List<PublicReport> all = new ArrayList<>();
        reports.find(Filters.exists(COMPUTED, true)).sort(Sorts.ascending("acoId", "performanceYear"))
                .forEach(doc -> all.add(PublicReportDocuments.report(doc)));
        return all;
    }

    /** The gauged counts and revision of every computed report, read without the rest of the report. */
    List<ReportMetrics.GaugeValues> findGaugeValues() {
        List<ReportMetrics.GaugeValues> all = new ArrayList<>();
        reports.find(Filters.exists(COMPUTED, true))
                .projection(Projections.include("acoId", "performanceYear", COMPUTED, REQUIRED_COUNT, SCORED_COUNT,
                        REQUIRED_NOT_SCORED_COUNT))
                .forEach(doc -> {
                    // a document edited by hand must not stop every gauge from refreshing: it is skipped
                    Number computed = doc.getEmbedded(List.of("revision", "computed"), Number.class);
                    Document counts = doc.get("providersSuppliers", Document.class);
                    if (computed == null || counts == null || doc.getString("acoId") == null
                            || doc.getInteger("performanceYear") == null) {
                        return;
                    }
                    all.add(new ReportMetrics.GaugeValues(new AcoYear(doc.getString("acoId"), doc.getInteger("performanceYear")),
                            computed.longValue(), counts.getInteger("required", 0), counts.getInteger("scored", 0),
                            counts.getInteger("requiredNotScored", 0)));
                });
        return all;
    }
}
