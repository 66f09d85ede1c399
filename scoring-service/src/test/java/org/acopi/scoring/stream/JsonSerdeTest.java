package org.acopi.scoring.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.acopi.events.EntityType;
import org.acopi.scoring.rollup.ApmEntityRollup;
import org.acopi.scoring.rollup.ClinicianStanding;
import org.acopi.scoring.rollup.EntitySubmissionScores;
import org.acopi.scoring.rollup.LevelCandidate;
import org.acopi.scoring.rollup.RollupContribution;
import org.acopi.support.streams.JsonSerde;
import org.junit.jupiter.api.Test;

/**
 * Internal state must serialize to the same bytes after a round trip and whatever order it was built in: foreign-key
 * joins hash serialized values to discard stale responses, and a changing byte order silently stopped updates.
 */
class JsonSerdeTest {

    private static <T> void assertStableBytes(JsonSerde<T> serde, T a, T b) {
        byte[] bytesA = serde.serialize("t", a);
        assertThat(serde.serialize("t", b)).isEqualTo(bytesA);
        T roundTrip = serde.deserialize("t", bytesA);
        assertThat(roundTrip).isEqualTo(a);
        assertThat(serde.serialize("t", roundTrip)).isEqualTo(bytesA);
    }

    @Test
    void apmEntityRollupBytesDoNotDependOnInsertionOrder() {
        RollupContribution s0 = new RollupContribution(RollupContribution.Participation.COUNTED, 0, false);
        RollupContribution s100 = new RollupContribution(RollupContribution.Participation.COUNTED, 100, true);
        RollupContribution s55 = new RollupContribution(RollupContribution.Participation.COUNTED, 55.5, true);
        ApmEntityRollup empty = ApmEntityRollup.empty("A1", 2026);
        assertStableBytes(new JsonSerde<>(ApmEntityRollup.class), empty.add(s0).add(s100).add(s55),
                empty.add(s55).add(s100).add(s0));
    }

    @Test
    void entitySubmissionScoresBytesDoNotDependOnInsertionOrder() {
        var a = new EntitySubmissionScores.SubmitterScore("a", "s1", 1, 70);
        var b = new EntitySubmissionScores.SubmitterScore("b", "s2", 2, 80);
        var c = new EntitySubmissionScores.SubmitterScore("c", "s3", 3, 90);
        EntitySubmissionScores empty = EntitySubmissionScores.empty();
        assertStableBytes(new JsonSerde<>(EntitySubmissionScores.class), empty.with("c", c).with("a", a).with("b", b),
                empty.with("b", b).with("c", c).with("a", a));
    }

    @Test
    void clinicianLevelsRoundTrip() {
        ClinicianLevels levels = ClinicianLevels.of(new ClinicianStanding("A1", 2026, "111111111", "1234567893", false,
                true, false, List.of("REWEIGHT_SMALL_PRACTICE"), null)).withGroup(new LevelCandidate(EntityType.GROUP, 88, "g", "ehr"));
        assertStableBytes(new JsonSerde<>(ClinicianLevels.class), levels, levels);
    }

    @Test
    void clinicianLevelsWithAVirtualGroupRoundTrip() {
        ClinicianLevels levels = ClinicianLevels.of(new ClinicianStanding("A1", 2026, "111111111", "1234567893", false,
                false, false, List.of("REQUIRED"), "VG-1"))
                .withVirtualGroup(new LevelCandidate(EntityType.VIRTUAL_GROUP, 91, "v", "registry"));
        assertStableBytes(new JsonSerde<>(ClinicianLevels.class), levels, levels);
    }

    @Test
    void stateWrittenBeforeVirtualGroupsStillReads() {
        JsonSerde<ClinicianLevels> serde = new JsonSerde<>(ClinicianLevels.class);
        String older = "{\"standing\":{\"acoId\":\"A1\",\"performanceYear\":2026,\"tin\":\"111111111\","
                + "\"npi\":\"1234567893\",\"removed\":false,\"reweighted\":false,\"dataCompromised\":false,"
                + "\"reasonCodes\":[\"REQUIRED\"]},\"individual\":null,\"group\":null,\"apmEntity\":null}";
        ClinicianLevels levels = serde.deserialize("t", older.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(levels.standing().virtualGroupId()).isNull();
        assertThat(levels.virtualGroup()).isNull();
    }
}
