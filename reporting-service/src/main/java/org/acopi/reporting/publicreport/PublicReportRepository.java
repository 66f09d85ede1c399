package org.acopi.reporting.publicreport;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.acopi.reporting.participants.AcoYear;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The {@code public_reports} collection: one document per ACO and PY (design.md §6). Several instances may recompute
 * the same report concurrently, so writes follow a revision protocol that needs neither transactions nor sessions:
 * a recompute first increments {@code revision.requested} and reads the result r, then reads the inputs, then sets the
 * report only where {@code revision.computed < r}. Whoever incremented last read its inputs after every earlier
 * change, and an older computation can never overwrite its result.
 */
@Repository
public class PublicReportRepository {

    public static final String COLLECTION = "public_reports";
    private static final String REQUESTED = "revision.requested";
    private static final String COMPUTED = "revision.computed";
    private static final String REQUIRED_COUNT = "providersSuppliers.required";
    private static final String SCORED_COUNT = "providersSuppliers.scored";
    private static final String REQUIRED_NOT_SCORED_COUNT = "providersSuppliers.requiredNotScored";

    private final MongoCollection<Document> reports;

    public PublicReportRepository(MongoDatabase database) {
        this.reports = database.getCollection(COLLECTION);
    }

    /** Claims the next revision of the ACO's report; the returned number is passed to {@link #save}. */
    public long requestRevision(AcoYear acoYear) {
        FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        try {
            return increment(acoYear, options);
        } catch (MongoCommandException | MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(errorCode(e)) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return increment(acoYear, options);
        }
    }

    private long increment(AcoYear acoYear, FindOneAndUpdateOptions options) {
        Document doc = reports.findOneAndUpdate(Filters.eq("_id", acoYear.key()), Updates.combine(
                Updates.inc(REQUESTED, 1L),
                Updates.setOnInsert("acoId", acoYear.acoId()),
                Updates.setOnInsert("performanceYear", acoYear.performanceYear())), options);
        return ((Number) doc.get("revision", Document.class).get("requested")).longValue();
    }

    /** Stores the report computed at {@code revision} unless a later revision is stored; true when stored. */
    public boolean save(PublicReport report, long revision) {
        AcoYear acoYear = new AcoYear(report.acoId(), report.performanceYear());
        Document set = PublicReportDocuments.report(report).append(COMPUTED, revision);
        return reports.updateOne(
                Filters.and(Filters.eq("_id", acoYear.key()),
                        Filters.or(Filters.exists(COMPUTED, false), Filters.lt(COMPUTED, revision))),
                new Document("$set", set)).getModifiedCount() > 0;
    }

    /** The stored report, if one was ever computed. */
    public Optional<PublicReport> find(AcoYear acoYear) {
        Document doc = reports.find(Filters.and(Filters.eq("_id", acoYear.key()), Filters.exists(COMPUTED, true))).first();
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

    private static int errorCode(RuntimeException e) {
        return e instanceof MongoCommandException c ? c.getErrorCode() : ((MongoWriteException) e).getError().getCode();
    }
}
