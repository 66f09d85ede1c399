package org.acopi.reporting;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.acopi.reporting.participants.SourceVersion;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One unordered bulk write of version-guarded {@code updateOne}s (filter: id and {@link #storedOlderThan}) for the read
 * models. An upsert whose filter does not match because another writer inserted the same document between our read
 * and our write fails with a duplicate key; it is then applied once more as a plain update, which lands only if the
 * stored version is still older. No transactions or sessions are needed.
 */
public final class VersionedUpserts {

    private static final int DUPLICATE_KEY = 11000;

    private VersionedUpserts() {
    }

    /** The BSON form of a part's version: {@code {topic, partition, offset, timestamp}}. */
    public static Document versionDocument(SourceVersion version) {
        return new Document("topic", version.topic())
                .append("partition", version.partition())
                .append("offset", version.offset())
                .append("timestamp", version.timestamp() == null ? null : Date.from(version.timestamp()));
    }

    public static SourceVersion version(Document doc) {
        if (doc == null) {
            return null;
        }
        Date timestamp = doc.getDate("timestamp");
        return new SourceVersion(doc.getString("topic"), doc.getInteger("partition"), ((Number) doc.get("offset")).longValue(),
                timestamp == null ? null : timestamp.toInstant());
    }

    /**
     * The guard of a versioned write: the version stored at {@code versionField} is missing, comes from another topic
     * or partition (offsets of different partitions are not comparable), or has a lower offset.
     */
    public static Bson storedOlderThan(String versionField, SourceVersion incoming) {
        return Filters.or(
                Filters.exists(versionField + ".offset", false),
                Filters.ne(versionField + ".topic", incoming.topic()),
                Filters.ne(versionField + ".partition", incoming.partition()),
                Filters.lt(versionField + ".offset", incoming.offset()));
    }

    /** The version stored at {@code versionField} is exactly {@code version}, or missing when it is null. */
    public static Bson storedIs(String versionField, SourceVersion version) {
        if (version == null) {
            return Filters.exists(versionField + ".offset", false);
        }
        return Filters.and(
                Filters.eq(versionField + ".topic", version.topic()),
                Filters.eq(versionField + ".partition", version.partition()),
                Filters.eq(versionField + ".offset", version.offset()));
    }

    public static void bulkWrite(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        if (writes.isEmpty()) {
            return;
        }
        try {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            List<WriteModel<Document>> retries = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY || !(writes.get(error.getIndex()) instanceof UpdateOneModel<Document> lost)) {
                    throw e;
                }
                retries.add(new UpdateOneModel<>(lost.getFilter(), lost.getUpdate(), new UpdateOptions().upsert(false)));
            }
            collection.bulkWrite(retries, new BulkWriteOptions().ordered(false));
        }
    }
}
