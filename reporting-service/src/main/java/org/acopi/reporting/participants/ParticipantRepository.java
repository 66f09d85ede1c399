package org.acopi.reporting.participants;

import static org.acopi.reporting.participants.ParticipantDocuments.ACO_ID;
import static org.acopi.reporting.participants.ParticipantDocuments.ELIGIBILITY;
import static org.acopi.reporting.participants.ParticipantDocuments.ID;
import static org.acopi.reporting.participants.ParticipantDocuments.LEFT_ACO_IDS;
import static org.acopi.reporting.participants.ParticipantDocuments.NPI;
import static org.acopi.reporting.participants.ParticipantDocuments.PERFORMANCE_YEAR;
import static org.acopi.reporting.participants.ParticipantDocuments.SCORE;
import static org.acopi.reporting.participants.ParticipantDocuments.STATUS;
import static org.acopi.reporting.participants.ParticipantDocuments.TIN;
import static org.acopi.reporting.participants.ParticipantDocuments.VERSION;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.acopi.reporting.SourcePartitionChanges;
import org.acopi.reporting.VersionedUpserts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The {@code participants} read model (design.md §6): one document per PY+TIN+NPI holding the latest MSSP PI
 * determination (42 CFR 425.507) and the latest final PI score, each with the Kafka record it came from, plus the
 * public-reporting status derived from both (docs/pi-rules.md §8). Only find and unordered bulk {@code updateOne} with
 * {@code $set}/{@code $unset} are used, so the model works on any MongoDB and on mongo-java-server (no transactions or sessions).
 *
 * <p>A batch is applied in two bulk writes. First each part is set only where the stored part is older (filter on its
 * version, {@link SourceVersion#isNewerThan}), so a duplicate, an older version or a redelivered record changes
 * nothing. Then the derived fields ({@code acoId}, {@code status}) are set from the parts as read back, guarded by both
 * parts' versions: if another instance changed a part in between, that instance's own second write is the one that
 * lands.
 */
@Repository
public class ParticipantRepository {

    public static final String COLLECTION = "participants";

    private static final Bson REPORT_FIELDS = Projections.exclude(STATUS, LEFT_ACO_IDS, ELIGIBILITY + ".explanation",
            ELIGIBILITY + ".inputVersions", SCORE + ".candidates", SCORE + ".contributingSubmissionIds");

    private final MongoCollection<Document> participants;
    private final SourcePartitionChanges partitionChanges;

    public ParticipantRepository(MongoDatabase database, SourcePartitionChanges partitionChanges) {
        this.participants = database.getCollection(COLLECTION);
        this.partitionChanges = partitionChanges;
    }

    public void createIndexes() {
        participants.createIndex(Indexes.ascending(ACO_ID, PERFORMANCE_YEAR, TIN, NPI));
    }

    /**
     * Applies a batch of received parts idempotently and returns every ACO and PY whose public report may have changed:
     * every ACO the batch's participants name before and after (the stored {@code acoId}, each part's, and the ACOs a
     * moved participant left), whether or not this call changed anything. A participant that moves keeps the ACO it
     * left in {@code leftAcoIds} until {@link #departuresRefreshed} is called after the reports were refreshed, so a
     * crash anywhere between the part write and the refresh still refreshes the old ACO when the batch is redelivered.
     */
    public AppliedBatch apply(List<ParticipantUpdate> updates) {
        if (updates.isEmpty()) {
            return AppliedBatch.NOTHING;
        }
        Map<String, ParticipantUpdate> latest = latestPerPart(updates);
        Set<String> ids = new TreeSet<>();
        latest.values().forEach(u -> ids.add(u.participantId()));

        Map<String, Document> before = load(ids);
        List<WriteModel<Document>> partWrites = new ArrayList<>();
        SourcePartitionChanges.Batch partitionChanges = this.partitionChanges.batch();
        for (ParticipantUpdate update : latest.values()) {
            partWrite(update, before.get(update.participantId()), partitionChanges).ifPresent(partWrites::add);
        }
        write(partWrites);
        partitionChanges.report(COLLECTION);

        Map<String, Document> after = partWrites.isEmpty() ? before : load(ids);
        List<WriteModel<Document>> statusWrites = new ArrayList<>();
        Set<AcoYear> touched = new TreeSet<>();
        Map<String, List<String>> departures = new TreeMap<>();
        for (String id : ids) {
            Document previous = before.get(id);
            if (previous != null) {
                touched.addAll(ParticipantDocuments.acoYears(previous));
            }
            Document current = after.get(id);
            if (current != null) {
                touched.addAll(ParticipantDocuments.acoYears(current));
                Participant participant = ParticipantDocuments.participant(current);
                List<String> left = ParticipantDocuments.leftAcoIds(current, participant.acoId());
                if (!left.isEmpty()) {
                    departures.put(id, left);
                }
                statusWrite(participant, current, left).ifPresent(statusWrites::add);
            }
        }
        write(statusWrites);
        return new AppliedBatch(touched, departures);
    }

    /** Forgets the ACOs the batch's participants left, now that their reports have been refreshed. */
    public void departuresRefreshed(AppliedBatch batch) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        batch.departures().forEach((id, left) -> writes.add(new UpdateOneModel<>(
                Filters.and(Filters.eq(ID, id), Filters.eq(LEFT_ACO_IDS, left)), Updates.unset(LEFT_ACO_IDS))));
        write(writes);
    }

    /** Every participant document of the ACO and PY, counted or not, by TIN then NPI. */
    public List<Participant> findByAcoYear(AcoYear acoYear) {
        return find(byAcoYear(acoYear));
    }

    /**
     * The same participants, read for the public report: without the texts and lists that no count reads (the
     * explanation, input versions, score candidates and contributing submissions, the derived status). A report is
     * recomputed for every batch that touches the ACO, so this read is most of reporting's work; the parts it returns
     * classify exactly as the full ones do. Unsorted: no count depends on the order.
     */
    public List<Participant> findForReport(AcoYear acoYear) {
        List<Participant> found = new ArrayList<>();
        participants.find(byAcoYear(acoYear)).projection(REPORT_FIELDS)
                .forEach(doc -> found.add(ParticipantDocuments.participant(doc)));
        return found;
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

    private static Map<String, ParticipantUpdate> latestPerPart(List<ParticipantUpdate> updates) {
        Map<String, ParticipantUpdate> latest = new LinkedHashMap<>();
        for (ParticipantUpdate update : updates) {
            String key = update.participantId() + (update.isEligibility() ? "/" + ELIGIBILITY : "/" + SCORE);
            latest.merge(key, update, (a, b) -> b.version().isLaterInBatchThan(a.version()) ? b : a);
        }
        return latest;
    }

    private static Optional<WriteModel<Document>> partWrite(ParticipantUpdate update, Document existing,
                                                           SourcePartitionChanges.Batch partitionChanges) {
        String field = update.isEligibility() ? ELIGIBILITY : SCORE;
        SourceVersion incoming = update.version();
        Document storedPart = existing == null ? null : existing.get(field, Document.class);
        SourceVersion stored = storedPart == null ? null : ParticipantDocuments.version(storedPart.get(VERSION, Document.class));
        if (!incoming.isNewerThan(stored)) {
            return Optional.empty();
        }
        partitionChanges.note(incoming, stored);
        Bson filter = Filters.and(
                Filters.eq(ID, update.participantId()),
                VersionedUpserts.storedOlderThan(field + "." + VERSION, incoming));
        Document part = update.isEligibility()
                ? ParticipantDocuments.eligibility(update.eligibility())
                : ParticipantDocuments.score(update.score());
        Bson set = Updates.combine(
                Updates.set(PERFORMANCE_YEAR, update.performanceYear()),
                Updates.set(TIN, update.tin()),
                Updates.set(NPI, update.npi()),
                Updates.set(field, part));
        // Upsert only a document not seen yet; an existing one with a newer part must not match and must not be inserted.
        return Optional.of(new UpdateOneModel<>(filter, set, new UpdateOptions().upsert(existing == null)));
    }

    private static Optional<WriteModel<Document>> statusWrite(Participant participant, Document stored, List<String> left) {
        CountingRules rules = CountingRules.forYear(participant.performanceYear());
        Document status = ParticipantDocuments.status(participant.status(rules)).append("countingRulesVersion", rules.rulesVersion());
        String acoId = participant.acoId();
        if (status.equals(stored.get(STATUS)) && Objects.equals(acoId, stored.getString(ACO_ID))
                && left.equals(stored.getList(LEFT_ACO_IDS, String.class, List.of()))) {
            return Optional.empty();
        }
        Bson filter = Filters.and(
                Filters.eq(ID, participant.id()),
                VersionedUpserts.storedIs(ELIGIBILITY + "." + VERSION,
                        participant.eligibility() == null ? null : participant.eligibility().version()),
                VersionedUpserts.storedIs(SCORE + "." + VERSION, participant.score() == null ? null : participant.score().version()));
        return Optional.of(new UpdateOneModel<>(filter, Updates.combine(Updates.set(ACO_ID, acoId), Updates.set(STATUS, status),
                left.isEmpty() ? Updates.unset(LEFT_ACO_IDS) : Updates.set(LEFT_ACO_IDS, left))));
    }

    private Map<String, Document> load(Set<String> ids) {
        Map<String, Document> found = new HashMap<>();
        participants.find(Filters.in(ID, ids)).forEach(doc -> found.put(doc.getString(ID), doc));
        return found;
    }

    private void write(List<WriteModel<Document>> writes) {
        VersionedUpserts.bulkWrite(participants, writes);
    }
}
