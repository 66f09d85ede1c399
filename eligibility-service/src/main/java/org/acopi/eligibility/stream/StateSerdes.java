package org.acopi.eligibility.stream;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.acopi.contracts.Topics;
import org.acopi.eligibility.domain.RosterPosition;
import org.acopi.events.AcoProfile;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.HardshipDecision;
import org.acopi.events.ParticipantEligibility;
import org.acopi.events.RosterEntry;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Serdes of the topology's internal state: a sequence of optional events, each encoded by its catalogue serde (Avro
 * single-object encoding, so stored state stays readable across schema versions), behind a format byte, a slot count
 * and length prefixes. Hardship lists are format 2 (one decision per basis); the per-TIN/NPI and per-TIN state of the
 * TIN-local topology are formats 4 and 5 and inputs on internal topics format 3. State of an older layout is refused,
 * so upgrading from such a build means resetting the application (README).
 */
final class StateSerdes {

    private static final byte ROSTER_FORMAT = 1;
    private static final byte LIST_FORMAT = 2;
    private static final byte INPUT_FORMAT = 3;
    private static final byte CLINICIAN_FORMAT = 4;
    private static final byte TIN_FORMAT = 5;

    private StateSerdes() {
    }

    static Serde<RosterPosition> rosterPosition() {
        Serde<RosterEntry> roster = Topics.ROSTER.valueSerde();
        return Serdes.serdeFrom(
                (topic, p) -> p == null ? null : write(ROSTER_FORMAT, roster.serializer().serialize(topic, p.latest()),
                        roster.serializer().serialize(topic, p.upToDecidingSnapshot())),
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    List<byte[]> slots = read(bytes, ROSTER_FORMAT, 2);
                    return new RosterPosition(roster.deserializer().deserialize(topic, slots.get(0)),
                            roster.deserializer().deserialize(topic, slots.get(1)));
                });
    }

    /** The newest hardship decision per basis of one key, in the order {@code HardshipDecisions} keeps them. */
    static Serde<List<HardshipDecision>> hardships() {
        Serde<HardshipDecision> hardship = Topics.HARDSHIPS.valueSerde();
        return Serdes.serdeFrom(
                (topic, list) -> list == null ? null
                        : write(LIST_FORMAT, list.stream().map(h -> hardship.serializer().serialize(topic, h)).toArray(byte[][]::new)),
                (topic, bytes) -> bytes == null ? null
                        : read(bytes, LIST_FORMAT, -1).stream().map(b -> hardship.deserializer().deserialize(topic, b)).toList());
    }

    /** An input on its way through the topology's internal topics: four slots, one set. */
    static Serde<EligibilityInput> input() {
        Serde<RosterEntry> roster = Topics.ROSTER.valueSerde();
        Serde<ClinicianFacts> facts = Topics.CLINICIAN_FACTS.valueSerde();
        Serde<HardshipDecision> hardship = Topics.HARDSHIPS.valueSerde();
        Serde<AcoProfile> aco = Topics.ACO_PROFILES.valueSerde();
        return Serdes.serdeFrom(
                (topic, in) -> in == null ? null : write(INPUT_FORMAT,
                        roster.serializer().serialize(topic, in.roster()),
                        facts.serializer().serialize(topic, in.facts()),
                        hardship.serializer().serialize(topic, in.hardship()),
                        aco.serializer().serialize(topic, in.acoProfile())),
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    List<byte[]> s = read(bytes, INPUT_FORMAT, 4);
                    return new EligibilityInput(roster.deserializer().deserialize(topic, s.get(0)),
                            facts.deserializer().deserialize(topic, s.get(1)),
                            hardship.deserializer().deserialize(topic, s.get(2)),
                            aco.deserializer().deserialize(topic, s.get(3)));
                });
    }

    static Serde<ClinicianState> clinicianState() {
        Serde<RosterPosition> position = rosterPosition();
        Serde<ClinicianFacts> facts = Topics.CLINICIAN_FACTS.valueSerde();
        Serde<List<HardshipDecision>> hardships = hardships();
        Serde<ParticipantEligibility> determination = Topics.PARTICIPANT_ELIGIBILITY.valueSerde();
        return Serdes.serdeFrom(
                (topic, state) -> state == null ? null : write(CLINICIAN_FORMAT,
                        position.serializer().serialize(topic, state.roster()),
                        facts.serializer().serialize(topic, state.facts()),
                        hardships.serializer().serialize(topic, state.hardships()),
                        determination.serializer().serialize(topic, state.published())),
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    List<byte[]> s = read(bytes, CLINICIAN_FORMAT, 4);
                    return new ClinicianState(position.deserializer().deserialize(topic, s.get(0)),
                            facts.deserializer().deserialize(topic, s.get(1)),
                            hardships.deserializer().deserialize(topic, s.get(2)),
                            determination.deserializer().deserialize(topic, s.get(3)));
                });
    }

    static Serde<TinState> tinState() {
        Serde<ClinicianFacts> facts = Topics.CLINICIAN_FACTS.valueSerde();
        Serde<List<HardshipDecision>> hardships = hardships();
        return Serdes.serdeFrom(
                (topic, state) -> state == null ? null : write(TIN_FORMAT,
                        facts.serializer().serialize(topic, state.statuses()),
                        hardships.serializer().serialize(topic, state.hardships())),
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    List<byte[]> s = read(bytes, TIN_FORMAT, 2);
                    return new TinState(facts.deserializer().deserialize(topic, s.get(0)),
                            hardships.deserializer().deserialize(topic, s.get(1)));
                });
    }

    static byte[] write(byte format, byte[]... slots) {
        int size = 2;
        for (byte[] slot : slots) {
            size += 4 + (slot == null ? 0 : slot.length);
        }
        ByteBuffer buffer = ByteBuffer.allocate(size).put(format).put((byte) slots.length);
        for (byte[] slot : slots) {
            buffer.putInt(slot == null ? -1 : slot.length);
            if (slot != null) {
                buffer.put(slot);
            }
        }
        return buffer.array();
    }

    /** The slots of a record of the given format; {@code expectedSlots} -1 accepts any count. */
    static List<byte[]> read(byte[] bytes, byte format, int expectedSlots) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (buffer.remaining() < 2 || buffer.get() != format) {
            throw new SerializationException("not an eligibility-service state record of format " + format);
        }
        int count = Byte.toUnsignedInt(buffer.get());
        if (expectedSlots >= 0 && count != expectedSlots) {
            throw new SerializationException("not an eligibility-service state record of " + expectedSlots + " slots");
        }
        List<byte[]> slots = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = buffer.getInt();
            if (length < 0) {
                slots.add(null);
            } else {
                byte[] slot = new byte[length];
                buffer.get(slot);
                slots.add(slot);
            }
        }
        return slots;
    }
}
