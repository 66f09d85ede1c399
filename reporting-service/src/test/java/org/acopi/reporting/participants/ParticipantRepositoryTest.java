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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.acopi.reporting.Fixtures;
import org.acopi.reporting.InMemoryMongo;
import org.acopi.reporting.ReadModels;
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

    @BeforeEach
    void emptyDatabase() {
        MONGO.drop();
        repository = new ParticipantRepository(MONGO.database());
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

    /** The updates through the topology's participant step, then the sink's write of every stored state. */
    private void apply(List<ParticipantUpdate> updates) {
        repository.store(new ReadModels().participants(updates).storedParticipants());
    }

    @Test
    void keepsTheDeterminationTheScoreAndTheStatusDerivedFromBoth() {
        apply(List.of(eligibility(ACO).update(PY, TIN, NPI), score(ACO).scored(0, "INDIVIDUAL").update(PY, TIN, NPI)));

        Document doc = documents().get(0);
        assertThat(doc.getString("_id")).isEqualTo(PY + ":" + TIN + ":" + NPI);
        assertThat(doc.getString("acoId")).isEqualTo(ACO);
        assertThat(doc.getLong("revision")).isEqualTo(2L);
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
    void aLaterStateReplacesTheStoredDocumentWithoutReadingItAndStoringTwiceChangesNothing() {
        ReadModels models = new ReadModels().participants(List.of(eligibility(ACO).update(PY, TIN, NPI)));
        repository.store(models.storedParticipants());
        repository.store(models.storedParticipants());
        List<Document> once = documents();
        assertThat(once).hasSize(1);

        models.participants(List.of(eligibility("A2002").excluded("BELOW_LVT").offset(3).update(PY, TIN, NPI)));
        repository.store(models.storedParticipants());

        assertThat(documents()).singleElement().satisfies(doc -> {
            assertThat(doc.getString("acoId")).isEqualTo("A2002");
            assertThat(doc.getLong("revision")).isEqualTo(2L);
        });
        assertThat(repository.exists(new AcoYear(ACO, PY))).isFalse();
        assertThat(repository.exists(new AcoYear("A2002", PY))).isTrue();
    }

    @Test
    void findsTheTinsOfOneNpi() {
        apply(List.of(eligibility(ACO).update(PY, tin(2), NPI), eligibility(ACO).update(PY, tin(1), NPI),
                eligibility(ACO).update(PY, tin(1), npi(2))));

        assertThat(repository.findByNpi(new AcoYear(ACO, PY), NPI)).extracting(Participant::tin).containsExactly(tin(1), tin(2));
    }

    @Test
    void filtersByStatusInTinThenNpiOrder() {
        apply(List.of(
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
