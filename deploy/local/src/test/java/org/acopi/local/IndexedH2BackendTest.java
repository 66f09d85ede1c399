package org.acopi.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexedH2BackendTest {

    @TempDir
    Path dir;

    private int duplicateKeyCode;

    @Test
    void opensFilesOfThePlainBackendAndAnswersEveryQueryAsItDoes() {
        Path file = dir.resolve("acopi.mv");
        List<List<String>> plain = withServer(new H2Backend(file.toString()), participants -> {
            participants.createIndex(Indexes.ascending("acoId", "performanceYear", "tin", "npi"));
            for (int i = 0; i < 30; i++) {
                participants.insertOne(new Document("_id", "2026:" + i).append("acoId", "A" + (i % 3))
                        .append("performanceYear", 2026).append("tin", "t" + (i % 5)).append("npi", "n" + i)
                        .append("eligibility", new Document("version", new Document("offset", (long) i))));
            }
            return queries(participants);
        });
        List<List<String>> indexed = withServer(new IndexedH2Backend(file.toString()), IndexedH2BackendTest::queries);

        assertThat(indexed).isEqualTo(plain);
        assertThat(plain.get(0)).hasSize(10);
    }

    @Test
    void theNonUniqueIndexFollowsUpdatesInsertsAndDeletes() {
        Path file = dir.resolve("moves.mv");
        List<String> before = withServer(new IndexedH2Backend(file.toString()), participants -> {
            participants.createIndex(Indexes.ascending("acoId", "performanceYear"));
            participants.insertOne(new Document("_id", "a").append("acoId", "A1").append("performanceYear", 2026));
            participants.insertOne(new Document("_id", "b").append("acoId", "A1").append("performanceYear", 2026));
            participants.updateOne(Filters.eq("_id", "c"), Updates.set("tin", "t"), new UpdateOptions().upsert(true));
            participants.updateOne(Filters.eq("_id", "c"), Updates.set("acoId", "A1"));
            participants.updateOne(Filters.and(Filters.eq("_id", "a"), Filters.exists("acoId")), Updates.set("acoId", "A2"));
            participants.deleteOne(Filters.eq("_id", "b"));
            try {
                participants.insertOne(new Document("_id", "c"));
            } catch (MongoWriteException e) {
                duplicateKeyCode = e.getError().getCode();
            }
            return ids(participants, Filters.eq("acoId", "A1"));
        });
        List<String> afterRestart = withServer(new IndexedH2Backend(file.toString()),
                participants -> ids(participants, Filters.eq("acoId", "A2")));

        assertThat(before).containsExactly("c");
        assertThat(duplicateKeyCode).isEqualTo(11000);
        assertThat(afterRestart).containsExactly("a");
    }

    @Test
    void nestedConjunctionsAreFlattenedSoThatAnIdWithVersionGuardsStillNarrowsToOneDocument() {
        var query = serverDoc("$and", List.of(serverDoc("_id", "p1"),
                serverDoc("$and", List.of(serverDoc("s.topic", "t"), serverDoc("s.offset", 4L))),
                serverDoc("$or", List.of(serverDoc("e.offset", 1L), serverDoc("e.topic", "u")))));
        var repeated = serverDoc("$and", List.of(serverDoc("_id", "p1"), serverDoc("_id", "p2")));

        assertThat(IndexedH2Backend.conditions(query).keySet()).containsExactly("_id", "s.topic", "s.offset", "$or");
        assertThat(IndexedH2Backend.conditions(repeated)).isSameAs(repeated);
    }

    /** A query document as the server sees it (mongo-java-server's own BSON type). */
    private static de.bwaldvogel.mongo.bson.Document serverDoc(String key, Object value) {
        return new de.bwaldvogel.mongo.bson.Document(key, value);
    }

    private static List<List<String>> queries(MongoCollection<Document> participants) {
        List<List<String>> results = new ArrayList<>();
        results.add(ids(participants, Filters.and(Filters.eq("acoId", "A1"), Filters.eq("performanceYear", 2026))));
        results.add(ids(participants, Filters.and(Filters.eq("_id", "2026:4"),
                Filters.or(Filters.exists("eligibility.version.offset", false), Filters.lt("eligibility.version.offset", 9L)))));
        results.add(ids(participants, Filters.and(Filters.eq("_id", "2026:12"),
                Filters.or(Filters.exists("eligibility.version.offset", false), Filters.lt("eligibility.version.offset", 9L)))));
        results.add(ids(participants, Filters.and(Filters.in("_id", List.of("2026:1", "2026:2", "2026:99")), Filters.eq("acoId", "A1"))));
        results.add(ids(participants, Filters.and(Filters.eq("acoId", "A2"), Filters.eq("performanceYear", 2025))));
        results.add(ids(participants, Filters.and(Filters.eq("_id", "2026:7"),
                Filters.and(Filters.eq("acoId", "A1"), Filters.eq("eligibility.version.offset", 7L)))));
        return results;
    }

    private static List<String> ids(MongoCollection<Document> participants, org.bson.conversions.Bson filter) {
        List<String> ids = new ArrayList<>();
        participants.find(filter).sort(Sorts.ascending("tin", "_id")).forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    private static <T> T withServer(de.bwaldvogel.mongo.MongoBackend backend,
                                    java.util.function.Function<MongoCollection<Document>, T> work) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + address.getPort())) {
            return work.apply(client.getDatabase("acopi").getCollection("participants"));
        } finally {
            server.shutdown();
        }
    }
}
