package org.acopi.reporting.participants;

import static org.acopi.reporting.Fixtures.eligibility;
import static org.acopi.reporting.Fixtures.npi;
import static org.acopi.reporting.Fixtures.score;
import static org.acopi.reporting.Fixtures.tin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.WriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.acopi.reporting.Fixtures;
import org.acopi.reporting.InMemoryMongo;
import org.acopi.reporting.SourcePartitionChanges;
import org.acopi.reporting.VersionedUpserts;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ParticipantRepositoryTest {

    private static final int PY = 2026;
    private static final String ACO = "A1001";
    private static final String TIN = tin(1);
    private static final String NPI = npi(1);
    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    private ParticipantRepository repository;
    private SimpleMeterRegistry registry;

    @BeforeEach
    void emptyDatabase() {
        MONGO.drop();
        registry = new SimpleMeterRegistry();
        repository = new ParticipantRepository(MONGO.database(), new SourcePartitionChanges(registry));
        repository.createIndexes();
    }

    private MongoCollection<Document> collection() {
        return MONGO.database().getCollection(ParticipantRepository.COLLECTION);
    }

    private List<Document> documents() {
        List<Document> docs = new ArrayList<>();
        MONGO.database().getCollection(ParticipantRepository.COLLECTION).find().sort(Sorts.ascending("_id")).into(docs);
        return docs;
    }

    @Test
    void keepsTheDeterminationTheScoreAndTheStatusDerivedFromBoth() {
        assertThat(repository.apply(List.of(eligibility(ACO).update(PY, TIN, NPI))).acoYears()).containsExactly(new AcoYear(ACO, PY));
        repository.apply(List.of(score(ACO).scored(0, "INDIVIDUAL").update(PY, TIN, NPI)));

        Document doc = documents().get(0);
        assertThat(doc.getString("_id")).isEqualTo(PY + ":" + TIN + ":" + NPI);
        assertThat(doc.getString("acoId")).isEqualTo(ACO);
        assertThat(doc.get("eligibility", Document.class).getList("reasonCodes", String.class)).containsExactly("REQUIRED");
        assertThat(doc.get("score", Document.class).getDouble("finalScore")).isZero();
        Document status = doc.get("status", Document.class);
        assertThat(status.getBoolean("required")).isTrue();
        assertThat(status.getBoolean("scored")).isTrue();
        assertThat(status.getBoolean("metRequirementNotExcluded")).isTrue();
        assertThat(status.getBoolean("requiredNotScored")).isFalse();

        Participant read = repository.findByAcoYear(new AcoYear(ACO, PY)).get(0);
        assertThat(read.eligibility()).isEqualTo(eligibility(ACO).build());
        assertThat(read.score()).isEqualTo(score(ACO).scored(0, "INDIVIDUAL").build());
    }

    @Test
    void theSameEventTwiceChangesNothing() {
        ParticipantUpdate update = eligibility(ACO).offset(4).update(PY, TIN, NPI);
        repository.apply(List.of(update));
        List<Document> once = documents();

        repository.apply(List.of(update, update));

        assertThat(documents()).isEqualTo(once);
    }

    @Test
    void anOlderVersionAfterANewerOneChangesNothing() {
        repository.apply(List.of(eligibility(ACO).excluded("BELOW_LVT").offset(9).update(PY, TIN, NPI)));
        List<Document> newer = documents();

        repository.apply(List.of(eligibility(ACO).offset(3).update(PY, TIN, NPI)));
        repository.apply(List.of(eligibility(ACO).offset(8).update(PY, TIN, NPI), eligibility(ACO).offset(2).update(PY, TIN, NPI)));

        assertThat(documents()).isEqualTo(newer);
        assertThat(repository.find(new AcoYear(ACO, PY), StatusFilter.EXCLUDED)).hasSize(1);
    }

    @Test
    void aBatchRedeliveredAfterACrashChangesNothingAndStillNamesItsAcos() {
        List<ParticipantUpdate> batch = List.of(
                eligibility(ACO).offset(1).update(PY, TIN, NPI),
                score(ACO).scored(75, "GROUP").offset(1).update(PY, TIN, NPI),
                eligibility(ACO).offset(2).update(PY, tin(2), npi(2)));
        repository.apply(batch);
        List<Document> first = documents();

        assertThat(repository.apply(batch).acoYears()).containsExactly(new AcoYear(ACO, PY));
        assertThat(documents()).isEqualTo(first);
    }

    @Test
    void aRecordFromAnotherPartitionReplacesTheStoredPartWhateverItsOffsetAndIsCounted() {
        repository.apply(List.of(eligibility(ACO).excluded("BELOW_LVT").offset(900).update(PY, TIN, NPI)));

        repository.apply(List.of(eligibility(ACO).partition(2).offset(3).update(PY, TIN, NPI)));

        Participant read = repository.findByAcoYear(new AcoYear(ACO, PY)).get(0);
        assertThat(read.eligibility().version()).isEqualTo(eligibility(ACO).partition(2).offset(3).build().version());
        assertThat(read.eligibility().decidingReason()).isEqualTo("REQUIRED");
        assertThat(repository.find(new AcoYear(ACO, PY), StatusFilter.REQUIRED)).hasSize(1);
        assertThat(registry.get("acopi.reporting.source.partition.changed").tag("topic", Fixtures.ELIGIBILITY_TOPIC)
                .counter().count()).isEqualTo(1.0);
    }

    @Test
    void onTheNewPartitionDuplicatesAndOlderVersionsAreStillRejected() {
        repository.apply(List.of(eligibility(ACO).offset(900).update(PY, TIN, NPI)));
        repository.apply(List.of(eligibility(ACO).excluded("BELOW_LVT").partition(2).offset(5).update(PY, TIN, NPI)));
        List<Document> moved = documents();

        repository.apply(List.of(eligibility(ACO).partition(2).offset(4).update(PY, TIN, NPI)));
        repository.apply(List.of(eligibility(ACO).excluded("BELOW_LVT").partition(2).offset(5).update(PY, TIN, NPI)));

        assertThat(documents()).isEqualTo(moved);
        assertThat(registry.get("acopi.reporting.source.partition.changed").counter().count()).isEqualTo(1.0);
    }

    @Test
    void theStatusFollowsAPartMovedToAnotherPartitionAtTheSameOffset() {
        repository.apply(List.of(eligibility(ACO).offset(7).update(PY, TIN, NPI)));

        repository.apply(List.of(eligibility(ACO).excluded("BELOW_LVT").partition(1).offset(7).update(PY, TIN, NPI)));

        Document status = documents().get(0).get("status", Document.class);
        assertThat(status.getBoolean("required")).isFalse();
        assertThat(status.getString("decidingReason")).isEqualTo("BELOW_LVT");
    }

    @Test
    void withinABatchRecordsOfOneKeyFromTwoPartitionsAreOrderedByTimestamp() {
        ParticipantUpdate older = eligibility(ACO).excluded("BELOW_LVT").offset(50).update(PY, TIN, NPI);
        ParticipantUpdate newer = eligibility(ACO).partition(1).offset(60).update(PY, TIN, NPI);

        repository.apply(List.of(newer, older));

        assertThat(repository.findByAcoYear(new AcoYear(ACO, PY)).get(0).eligibility().version()).isEqualTo(newer.version());
    }

    @Test
    void aRemovalTakesTheParticipantOutOfTheCounts() {
        repository.apply(List.of(eligibility(ACO).offset(1).update(PY, TIN, NPI), score(ACO).scored(90, "GROUP").update(PY, TIN, NPI)));

        repository.apply(List.of(eligibility(ACO).removed().offset(2).update(PY, TIN, NPI)));

        AcoYear acoYear = new AcoYear(ACO, PY);
        assertThat(repository.find(acoYear, StatusFilter.SCORED)).isEmpty();
        assertThat(repository.find(acoYear, StatusFilter.ALL)).isEmpty();
        assertThat(repository.find(acoYear, StatusFilter.NOT_COUNTED)).hasSize(1);
    }

    @Test
    void aParticipantMovingToAnotherAcoRefreshesBothAcos() {
        repository.apply(List.of(eligibility(ACO).offset(1).update(PY, TIN, NPI)));

        assertThat(repository.apply(List.of(eligibility("A2002").offset(2).update(PY, TIN, NPI))).acoYears())
                .containsExactly(new AcoYear(ACO, PY), new AcoYear("A2002", PY));
        assertThat(repository.findByAcoYear(new AcoYear(ACO, PY))).isEmpty();
        assertThat(repository.findByAcoYear(new AcoYear("A2002", PY))).hasSize(1);
    }

    @Test
    void aMoveInterruptedBeforeItsStatusWriteStillNamesTheOldAcoWhenRedelivered() {
        repository.apply(List.of(eligibility(ACO).offset(1).update(PY, TIN, NPI)));
        ParticipantUpdate move = eligibility("A2002").offset(2).update(PY, TIN, NPI);
        collection().updateOne(Filters.eq("_id", move.participantId()),
                Updates.set("eligibility", ParticipantDocuments.eligibility(move.eligibility())));

        AppliedBatch redelivered = repository.apply(List.of(move));

        assertThat(redelivered.acoYears()).containsExactly(new AcoYear(ACO, PY), new AcoYear("A2002", PY));
        assertThat(repository.findByAcoYear(new AcoYear(ACO, PY))).isEmpty();
        assertThat(repository.findByAcoYear(new AcoYear("A2002", PY))).hasSize(1);
    }

    @Test
    void aMovedParticipantNamesTheAcoItLeftUntilItsReportIsRefreshed() {
        repository.apply(List.of(eligibility(ACO).offset(1).update(PY, TIN, NPI)));
        ParticipantUpdate move = eligibility("A2002").offset(2).update(PY, TIN, NPI);

        AppliedBatch moved = repository.apply(List.of(move));
        // the process stops here, before the reports are refreshed; the batch is redelivered
        AppliedBatch redelivered = repository.apply(List.of(move));

        assertThat(moved.departures()).containsExactly(Map.entry(move.participantId(), List.of(ACO)));
        assertThat(redelivered.acoYears()).containsExactly(new AcoYear(ACO, PY), new AcoYear("A2002", PY));
        assertThat(documents().get(0).getList("leftAcoIds", String.class)).containsExactly(ACO);

        repository.departuresRefreshed(redelivered);

        assertThat(documents().get(0)).doesNotContainKey("leftAcoIds");
        assertThat(repository.apply(List.of(move)).acoYears()).containsExactly(new AcoYear("A2002", PY));
    }

    @Test
    void aScoreStillNamingTheOldAcoRefreshesIt() {
        repository.apply(List.of(eligibility(ACO).offset(1).update(PY, TIN, NPI), score(ACO).scored(50, "GROUP").update(PY, TIN, NPI)));
        AppliedBatch moved = repository.apply(List.of(eligibility("A2002").offset(2).update(PY, TIN, NPI)));
        repository.departuresRefreshed(moved);

        assertThat(repository.apply(List.of(eligibility("A2002").offset(2).update(PY, TIN, NPI))).acoYears())
                .containsExactly(new AcoYear(ACO, PY), new AcoYear("A2002", PY));
    }

    @Test
    void aScoreBeforeItsDeterminationIsKeptButNotCounted() {
        repository.apply(List.of(score(ACO).scored(80, "GROUP").update(PY, TIN, NPI)));

        assertThat(repository.find(new AcoYear(ACO, PY), StatusFilter.NOT_COUNTED)).hasSize(1);

        repository.apply(List.of(eligibility(ACO).update(PY, TIN, NPI)));

        assertThat(repository.find(new AcoYear(ACO, PY), StatusFilter.SCORED)).hasSize(1);
        assertThat(repository.find(new AcoYear(ACO, PY), StatusFilter.REQUIRED_NOT_SCORED)).isEmpty();
    }

    @Test
    void filtersByStatusInTinThenNpiOrder() {
        repository.apply(List.of(
                eligibility(ACO).update(PY, tin(2), npi(1)),
                eligibility(ACO).update(PY, tin(1), npi(3)),
                eligibility(ACO).update(PY, tin(1), npi(2)),
                eligibility(ACO).excluded("REWEIGHT_SMALL_PRACTICE").update(PY, tin(3), npi(4)),
                score(ACO).scored(50, "GROUP").update(PY, tin(3), npi(4)),
                eligibility("A2002").update(PY, tin(4), npi(5))));

        AcoYear acoYear = new AcoYear(ACO, PY);
        assertThat(repository.find(acoYear, StatusFilter.REQUIRED_NOT_SCORED)).extracting(Participant::npi)
                .containsExactly(npi(2), npi(3), npi(1));
        assertThat(repository.find(acoYear, StatusFilter.EXCLUDED_VOLUNTARILY_REPORTED)).extracting(Participant::npi)
                .containsExactly(npi(4));
        assertThat(repository.find(acoYear, StatusFilter.REQUIRED)).hasSize(3);
        assertThat(repository.find(acoYear, StatusFilter.EXCLUDED)).hasSize(1);
        assertThat(repository.find(acoYear, StatusFilter.SCORED)).hasSize(1);
        assertThat(repository.find(acoYear, StatusFilter.ALL)).hasSize(4);
    }

    @Test
    void anyOrderDuplicationAndBatchingOfTheSameEventsGivesTheSameDocuments() {
        List<ParticipantUpdate> produced = producedEvents(new Random(7));
        for (ParticipantUpdate update : produced) {
            repository.apply(List.of(update));
        }
        List<Document> expected = documents();

        for (int seed = 0; seed < 25; seed++) {
            Random random = new Random(seed);
            List<ParticipantUpdate> delivered = new ArrayList<>(produced);
            for (int i = 0; i < produced.size() / 3; i++) {
                delivered.add(produced.get(random.nextInt(produced.size())));
            }
            Collections.shuffle(delivered, random);
            MONGO.drop();
            int i = 0;
            while (i < delivered.size()) {
                int size = 1 + random.nextInt(6);
                repository.apply(delivered.subList(i, Math.min(delivered.size(), i + size)));
                i += size;
            }
            assertThat(documents()).as("seed %d", seed).isEqualTo(expected);
        }
    }

    /** Several versions of determinations and scores of six clinicians, in the order their producers wrote them. */
    private static List<ParticipantUpdate> producedEvents(Random random) {
        List<ParticipantUpdate> events = new ArrayList<>();
        long eligibilityOffset = 0;
        long scoreOffset = 0;
        String[] exclusions = {"BELOW_LVT", "REWEIGHT_SMALL_PRACTICE", "NOT_IN_SNAPSHOT3"};
        for (int round = 0; round < 3; round++) {
            for (int c = 1; c <= 6; c++) {
                if (random.nextInt(3) > 0) {
                    var e = eligibility(c % 2 == 0 ? ACO : "A2002").offset(eligibilityOffset++);
                    if (random.nextBoolean()) {
                        e.excluded(exclusions[random.nextInt(exclusions.length)]);
                    }
                    if (random.nextInt(5) == 0) {
                        e.removed();
                    }
                    events.add(e.update(PY, tin(c % 3), npi(c)));
                }
                if (random.nextBoolean()) {
                    var s = score(c % 2 == 0 ? ACO : "A2002").offset(scoreOffset++);
                    if (random.nextBoolean()) {
                        s.scored(random.nextInt(101), "INDIVIDUAL");
                    }
                    events.add(s.update(PY, tin(c % 3), npi(c)));
                }
            }
        }
        return events;
    }

    @Test
    void anUpsertThatLosesTheInsertRaceToANewerVersionIsIgnored() {
        var collection = MONGO.database().getCollection("race");
        collection.insertOne(new Document("_id", "k").append("version", new Document("offset", 7L)).append("value", "newer"));
        List<WriteModel<Document>> stale = List.of(new UpdateOneModel<>(
                Filters.and(Filters.eq("_id", "k"), Filters.or(Filters.exists("version.offset", false), Filters.lt("version.offset", 5L))),
                Updates.combine(Updates.set("version.offset", 5L), Updates.set("value", "older")),
                new UpdateOptions().upsert(true)));

        assertThatThrownBy(() -> collection.bulkWrite(stale))
                .isInstanceOfSatisfying(MongoBulkWriteException.class,
                        e -> assertThat(e.getWriteErrors()).extracting(WriteError::getCode).containsExactly(11000));

        VersionedUpserts.bulkWrite(collection, stale);

        assertThat(collection.find().first().getString("value")).isEqualTo("newer");
    }

    @Test
    void anUpsertThatLosesTheInsertRaceToTheOtherPartStillLands() {
        var collection = MONGO.database().getCollection("race");
        collection.insertOne(new Document("_id", "k").append("score", new Document("offset", 3L)));
        List<WriteModel<Document>> late = List.of(new UpdateOneModel<>(
                Filters.and(Filters.eq("_id", "k"), Filters.or(
                        Filters.exists("eligibility.offset", false), Filters.lt("eligibility.offset", 5L))),
                Updates.set("eligibility", new Document("offset", 5L)),
                new UpdateOptions().upsert(true)));

        VersionedUpserts.bulkWrite(collection, late);

        assertThat(collection.find().first().get("eligibility", Document.class).getLong("offset")).isEqualTo(5L);
        assertThat(collection.countDocuments()).isEqualTo(1);
    }
}
