package org.acopi.reporting.acoprofile;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acopi.reporting.VersionedUpserts;
import org.acopi.reporting.participants.AcoYear;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The {@code aco_profiles} collection: the latest profile of each ACO and PY ({@code _id} {@code {acoId}:{py}}), read
 * when the public report and the public-reporting page are served so that they name the ACO by its legal name
 * (42 CFR 425.308). Kept by {@code updatedAt}: a late, older profile and a duplicate change nothing. Public reports do
 * not depend on it, so a profile update recomputes nothing.
 */
@Repository
public class AcoProfileRepository {

    public static final String COLLECTION = "aco_profiles";
    private static final String UPDATED_AT = "updatedAt";
    private static final String VERSION = "version";

    private final MongoCollection<Document> profiles;

    public AcoProfileRepository(MongoDatabase database) {
        this.profiles = database.getCollection(COLLECTION);
    }

    /** Stores each profile unless the stored one is as new or newer. */
    public void apply(List<AcoProfileSummary> batch) {
        Map<String, AcoProfileSummary> latest = new LinkedHashMap<>();
        for (AcoProfileSummary profile : batch) {
            latest.merge(profile.acoYear().key(), profile, (a, b) -> b.isLaterInBatchThan(a) ? b : a);
        }
        Map<String, AcoProfileSummary> stored = new HashMap<>();
        profiles.find(Filters.in("_id", latest.keySet())).forEach(doc -> stored.put(doc.getString("_id"), profile(doc)));
        List<WriteModel<Document>> writes = new ArrayList<>();
        latest.forEach((id, profile) -> {
            if (profile.supersedes(stored.get(id))) {
                writes.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", id), storedOlderThan(profile)),
                        new Document("$set", document(profile)), new UpdateOptions().upsert(!stored.containsKey(id))));
            }
        });
        VersionedUpserts.bulkWrite(profiles, writes);
    }

    public Optional<AcoProfileSummary> find(AcoYear acoYear) {
        return Optional.ofNullable(profiles.find(Filters.eq("_id", acoYear.key())).first()).map(AcoProfileRepository::profile);
    }

    /** Every stored profile. */
    public List<AcoProfileSummary> findAll() {
        List<AcoProfileSummary> all = new ArrayList<>();
        profiles.find().forEach(doc -> all.add(profile(doc)));
        return all;
    }

    /** The write guard: nothing stored, an earlier update, or the same update from an earlier record. */
    private static Bson storedOlderThan(AcoProfileSummary incoming) {
        Date updatedAt = Date.from(incoming.updatedAt());
        return Filters.or(
                Filters.exists(UPDATED_AT, false),
                Filters.lt(UPDATED_AT, updatedAt),
                Filters.and(Filters.eq(UPDATED_AT, updatedAt), VersionedUpserts.storedOlderThan(VERSION, incoming.version())));
    }

    private static Document document(AcoProfileSummary profile) {
        return new Document("acoId", profile.acoId())
                .append("performanceYear", profile.performanceYear())
                .append("legalName", profile.legalName())
                .append("program", profile.program())
                .append("track", profile.track())
                .append("allFqhcRhc", profile.allFqhcRhc())
                .append("publicReportingUrl", profile.publicReportingUrl())
                .append(UPDATED_AT, Date.from(profile.updatedAt()))
                .append(VERSION, VersionedUpserts.versionDocument(profile.version()));
    }

    private static AcoProfileSummary profile(Document doc) {
        return new AcoProfileSummary(doc.getString("acoId"), doc.getInteger("performanceYear"), doc.getString("legalName"),
                doc.getString("program"), doc.getString("track"), doc.getBoolean("allFqhcRhc", false),
                doc.getString("publicReportingUrl"), doc.getDate(UPDATED_AT).toInstant(),
                VersionedUpserts.version(doc.get(VERSION, Document.class)));
    }
}
