package org.acopi.reporting.publicreport;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.acopi.reporting.SourcePartitionChanges;
import org.acopi.reporting.VersionedUpserts;
import org.acopi.reporting.participants.AcoYear;
import org.acopi.reporting.participants.SourceVersion;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The {@code apm_entity_scores} collection: the latest APM entity PI score of each ACO and PY (docs/pi-rules.md §6.3),
 * kept by record version (topic, partition, offset) like the participants, so that public reports can be recomputed
 * from stored data alone.
 */
@Repository
public class ApmEntityScoreRepository {

    public static final String COLLECTION = "apm_entity_scores";

    private final MongoCollection<Document> scores;
    private final SourcePartitionChanges partitionChanges;

    public ApmEntityScoreRepository(MongoDatabase database, SourcePartitionChanges partitionChanges) {
        this.scores = database.getCollection(COLLECTION);
        this.partitionChanges = partitionChanges;
    }

    /** Stores each score unless a newer one is stored; returns every ACO and PY of the batch. */
    public Set<AcoYear> apply(List<ApmEntityScoreSummary> batch) {
        Map<String, ApmEntityScoreSummary> latest = new LinkedHashMap<>();
        for (ApmEntityScoreSummary score : batch) {
            latest.merge(key(score), score, (a, b) -> b.version().isLaterInBatchThan(a.version()) ? b : a);
        }
        Map<String, SourceVersion> stored = new HashMap<>();
        scores.find(Filters.in("_id", latest.keySet()))
                .forEach(doc -> stored.put(doc.getString("_id"), VersionedUpserts.version(doc.get("version", Document.class))));
        List<WriteModel<Document>> writes = new ArrayList<>();
        Set<AcoYear> touched = new TreeSet<>();
        SourcePartitionChanges.Batch changes = partitionChanges.batch();
        latest.forEach((id, score) -> {
            touched.add(new AcoYear(score.acoId(), score.performanceYear()));
            boolean exists = stored.containsKey(id);
            if (score.version().isNewerThan(stored.get(id))) {
                changes.note(score.version(), stored.get(id));
                Bson filter = Filters.and(Filters.eq("_id", id), VersionedUpserts.storedOlderThan("version", score.version()));
                writes.add(new UpdateOneModel<>(filter, new Document("$set", PublicReportDocuments.apmEntityScore(score)),
                        new UpdateOptions().upsert(!exists)));
            }
        });
        VersionedUpserts.bulkWrite(scores, writes);
        changes.report(COLLECTION);
        return touched;
    }

    public Optional<ApmEntityScoreSummary> find(AcoYear acoYear) {
        Document doc = scores.find(Filters.eq("_id", acoYear.key())).first();
        return Optional.ofNullable(doc).map(PublicReportDocuments::apmEntityScore);
    }

    private static String key(ApmEntityScoreSummary score) {
        return new AcoYear(score.acoId(), score.performanceYear()).key();
    }
}
