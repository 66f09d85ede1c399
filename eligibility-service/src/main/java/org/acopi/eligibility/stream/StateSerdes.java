package org.acopi.eligibility.stream;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.acopi.contracts.Topics;
import org.acopi.eligibility.domain.RosterPosition;
import org.acopi.events.AcoProfile;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.HardshipDecision;
import org.acopi.events.RosterEntry;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Serdes of the topology's internal state: a sequence of optional events, each encoded by its catalogue serde (Avro
 * single-object encoding, so stored state stays readable across schema versions), behind a format byte and
 * length prefixes.
 */
final class StateSerdes {

    private static final byte FORMAT = 1;

    private StateSerdes() {
    }

    static Serde<RosterPosition> rosterPosition() {
        Serde<RosterEntry> roster = Topics.ROSTER.valueSerde();
        return Serdes.serdeFrom(
                (topic, p) -> p == null ? null : write(roster.serializer().serialize(topic, p.latest()),
                        roster.serializer().serialize(topic, p.upToDecidingSnapshot())),
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    List<byte[]> slots = read(bytes, 2);
                    return new RosterPosition(roster.deserializer().deserialize(topic, slots.get(0)),
                            roster.deserializer().deserialize(topic, slots.get(1)));
                });
    }

    static Serde<ClinicianInputs> clinicianInputs() {
        Serde<RosterPosition> position = rosterPosition();
        Serde<ClinicianFacts> facts = Topics.CLINICIAN_FACTS.valueSerde();
        Serde<HardshipDecision> hardship = Topics.HARDSHIPS.valueSerde();
        Serde<AcoProfile> aco = Topics.ACO_PROFILES.valueSerde();
        return Serdes.serdeFrom(
                (topic, in) -> in == null ? null : write(
                        position.serializer().serialize(topic, in.roster()),
                        facts.serializer().serialize(topic, in.facts()),
                        hardship.serializer().serialize(topic, in.clinicianHardship()),
                        hardship.serializer().serialize(topic, in.tinHardship()),
                        facts.serializer().serialize(topic, in.tinFacts()),
                        aco.serializer().serialize(topic, in.acoProfile())),
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    List<byte[]> s = read(bytes, 6);
                    return new ClinicianInputs(position.deserializer().deserialize(topic, s.get(0)),
                            facts.deserializer().deserialize(topic, s.get(1)),
                            hardship.deserializer().deserialize(topic, s.get(2)),
                            hardship.deserializer().deserialize(topic, s.get(3)),
                            facts.deserializer().deserialize(topic, s.get(4)),
                            aco.deserializer().deserialize(topic, s.get(5)));
                });
    }

    static byte[] write(byte[]... slots) {
        int size = 2;
        for (byte[] slot : slots) {
            size += 4 + (slot == null ? 0 : slot.length);
        }
        ByteBuffer buffer = ByteBuffer.allocate(size).put(FORMAT).put((byte) slots.length);
        for (byte[] slot : slots) {
            buffer.putInt(slot == null ? -1 : slot.length);
            if (slot != null) {
                buffer.put(slot);
            }
        }
        return buffer.array();
    }

    static List<byte[]> read(byte[] bytes, int expectedSlots) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (buffer.remaining() < 2 || buffer.get() != FORMAT || buffer.get() != expectedSlots) {
            throw new SerializationException("not an eligibility-service state record of " + expectedSlots + " slots");
        }
        List<byte[]> slots = new ArrayList<>(expectedSlots);
        for (int i = 0; i < expectedSlots; i++) {
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
