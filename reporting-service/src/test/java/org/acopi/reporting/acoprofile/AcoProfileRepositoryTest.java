package org.acopi.reporting.acoprofile;

import static org.acopi.reporting.Fixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.acopi.reporting.Fixtures;
import org.acopi.reporting.InMemoryMongo;
import org.acopi.reporting.participants.AcoYear;
import org.acopi.reporting.participants.SourceVersion;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AcoProfileRepositoryTest {

    private static final String ACO = "A1234";
    private static final AcoYear ACO_YEAR = new AcoYear(ACO, 2026);
    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    private AcoProfileRepository profiles;

    @BeforeEach
    void emptyDatabase() {
        MONGO.drop();
        profiles = new AcoProfileRepository(MONGO.database());
    }

    private Document stored() {
        return MONGO.database().getCollection(AcoProfileRepository.COLLECTION).find().first();
    }

    private String legalName() {
        return profiles.find(ACO_YEAR).orElseThrow().legalName();
    }

    @Test
    void storesOneDocumentPerAcoAndYear() {
        profiles.apply(List.of(profile(ACO, "Lakeshore Health Partners ACO, LLC", 0, 3)));
        profiles.apply(List.of(profile(ACO, "Lakeshore Health Partners ACO, LLC", 1, 4)));

        assertThat(MONGO.database().getCollection(AcoProfileRepository.COLLECTION).countDocuments()).isEqualTo(1);
        Document doc = stored();
        assertThat(doc.getString("_id")).isEqualTo("A1234:2026");
        assertThat(doc.getString("legalName")).isEqualTo("Lakeshore Health Partners ACO, LLC");
        assertThat(doc.getString("program")).isEqualTo("MSSP");
        assertThat(doc.getString("track")).isEqualTo("ENHANCED");
        assertThat(doc.getBoolean("allFqhcRhc")).isFalse();
        assertThat(doc.getString("publicReportingUrl")).isEqualTo(Fixtures.reportingUrl(ACO));
        assertThat(doc.getDate("updatedAt")).isEqualTo(Date.from(Fixtures.T0.plusSeconds(60)));
        assertThat(doc.get("version", Document.class).getLong("offset")).isEqualTo(4L);
        assertThat(profiles.find(ACO_YEAR)).contains(profile(ACO, "Lakeshore Health Partners ACO, LLC", 1, 4));
        assertThat(profiles.find(new AcoYear(ACO, 2025))).isEmpty();
    }

    @Test
    void aDuplicateChangesNothing() {
        profiles.apply(List.of(profile(ACO, "Lakeshore", 5, 1)));
        Document first = stored();

        profiles.apply(List.of(profile(ACO, "Lakeshore", 5, 1)));
        profiles.apply(List.of(profile(ACO, "Lakeshore", 5, 9)));

        assertThat(stored()).isEqualTo(first);
    }

    @Test
    void anOlderProfileArrivingLateChangesNothing() {
        profiles.apply(List.of(profile(ACO, "Newer name", 10, 1)));
        Document newer = stored();

        profiles.apply(List.of(profile(ACO, "Older name", 5, 2)));

        assertThat(stored()).isEqualTo(newer);
    }

    @Test
    void aLaterUpdateReplacesTheProfile() {
        profiles.apply(List.of(profile(ACO, "Old name", 5, 1)));
        profiles.apply(List.of(profile(ACO, "New name", 10, 2)));

        assertThat(legalName()).isEqualTo("New name");
    }

    @Test
    void onTheSameUpdateTheProfileThatArrivedLaterWinsAsInEligibility() {
        profiles.apply(List.of(profile(ACO, "First", 5, 1)));
        profiles.apply(List.of(profile(ACO, "Second", 5, 2)));
        assertThat(legalName()).isEqualTo("Second");

        profiles.apply(List.of(profile(ACO, "First", 5, 1)));
        assertThat(legalName()).isEqualTo("Second");
    }

    @Test
    void inOneBatchTheLatestUpdateWinsWhateverTheOrder() {
        profiles.apply(List.of(profile(ACO, "Newer", 10, 1), profile(ACO, "Older", 5, 2)));
        assertThat(legalName()).isEqualTo("Newer");

        MONGO.drop();
        profiles.apply(List.of(profile(ACO, "Older", 5, 2), profile(ACO, "Newer", 10, 1)));
        assertThat(legalName()).isEqualTo("Newer");
    }

    @Test
    void aRecordFromAnotherPartitionWithTheSameUpdateReplacesADifferentProfile() {
        AcoProfileSummary stored = profile(ACO, "Before re-partitioning", 5, 7);
        AcoProfileSummary moved = new AcoProfileSummary(ACO, 2026, "After re-partitioning", "MSSP", "ENHANCED", false,
                null, stored.updatedAt(), new SourceVersion(Fixtures.PROFILES_TOPIC, 2, 0, Fixtures.T0));
        profiles.apply(List.of(stored));
        profiles.apply(List.of(moved));

        assertThat(profiles.find(ACO_YEAR)).contains(moved);
    }
}
