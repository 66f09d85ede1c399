package org.acopi.reporting.participants;

import static org.acopi.reporting.participants.ParticipantDocuments.ACO_ID;
import static org.acopi.reporting.participants.ParticipantDocuments.ID;
import static org.acopi.reporting.participants.ParticipantDocuments.NPI;
import static org.acopi.reporting.participants.ParticipantDocuments.PERFORMANCE_YEAR;
import static org.acopi.reporting.participants.ParticipantDocuments.TIN;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import org.acopi.reporting.VersionedUpserts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The {@code participants} read model (design.md §6): one document per PY+TIN+NPI holding the latest MSSP PI
 * determination (42 CFR 425.507) and the latest final PI score, each with the Kafka record it came from, plus the
 * public-reporting status derived from both (docs/pi-rules.md §8). It is written only by the sink of the reporting
 * topology's participant changelog ({@link #store}) and read by the operations views; no public report is computed
 * from it. Only find and unordered bulk writes pinned to {@code _id} are used, so the model works on any MongoDB and
 * on stock mongo-java-server (no transactions or sessions).
 */
@Repository
public class ParticipantRepository {

    public static final String COLLECTION = "participants";

    private final MongoCollection<Document> participants;

    public ParticipantRepository(MongoDatabase database) {
        this.participants = database.getCollection(COLLECTION);
    }

    public void createIndexes() {
        participants.createIndex(Indexes.ascending(ACO_ID, PERFORMANCE_YEAR, TIN, NPI));
    }

    /**
     * Writes the participants' latest states, as the reporting topology's changelog carries them, in one unordered bulk
     * of {@code _id}-pinned replace-upserts (no read first). The sink reads each changelog partition in offset order
     * and passes only the last state of each participant in a batch, so a later revision is always written after an
     * earlier one; {@code revision} is stored for review.
     */
    public void store(List<StoredParticipant> states) {
        List<WriteModel<Document>> writes = new ArrayList<>(states.size());
        for (StoredParticipant state : states) {
            Participant participant = state.participant();
            CountingRules rules = CountingRules.forYear(participant.performanceYear());
            Document status = ParticipantDocuments.status(participant.status(rules)).append("countingRulesVersion", rules.rulesVersion());
            writes.add(new ReplaceOneModel<>(Filters.eq(ID, participant.id()),
                    ParticipantDocuments.document(participant, status, state.revision()), new ReplaceOptions().upsert(true)));
        }
        VersionedUpserts.bulkWrite(participants, writes);
    }

    /** Every participant document of the ACO and PY, counted or not, by TIN then NPI. */
    public List<Participant> findByAcoYear(AcoYear acoYear) {
        return find(byAcoYear(acoYear));
    }

    /** The participant documents of one NPI in the ACO and PY, one per TIN it bills under, by TIN. */
    public List<Participant> findByNpi(AcoYear acoYear, String npi) {
        return find(Filters.and(byAcoYear(acoYear), Filters.eq(NPI, npi)));
    }

    /** Whether any participant document, counted or not, belongs to the ACO and PY. */
    public boolean exists(AcoYear acoYear) {
        return participants.find(byAcoYear(acoYear)).projection(Projections.include(ID)).first() != null;
    }

    private static Bson byAcoYear(AcoYear acoYear) {
        return Filters.and(Filters.eq(ACO_ID, acoYear.acoId()), Filters.eq(PERFORMANCE_YEAR, acoYear.performanceYear()));
    }

    /**
     * The participants of the ACO and PY in one operations view, by TIN then NPI. The view is selected with the status
     * computed now by the PY's counting rules, the same function the public report uses, so that a change of rules data
     * cannot make the view disagree with the report before every document has been rewritten.
     */
    public List<Participant> find(AcoYear acoYear, StatusFilter filter) {
        CountingRules rules = CountingRules.forYear(acoYear.performanceYear());
        return findByAcoYear(acoYear).stream().filter(p -> filter.test(p.status(rules))).toList();
    }

    private List<Participant> find(Bson filter) {
        List<Participant> found = new ArrayList<>();
        participants.find(filter).sort(Sorts.ascending(TIN, NPI))
                .forEach(doc -> found.add(ParticipantDocuments.participant(doc)));
        return found;
    }

}
