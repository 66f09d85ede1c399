package org.acopi.contracts;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Where every event serde comes from. The default is {@link SingleObjectAvroSerde} (Avro single-object encoding,
 * no registry). A deployment with a schema registry names its own {@link EventSerdeProvider} in the system property
 * or environment variable {@value #PROVIDER_PROPERTY} / {@code ACOPI_SERDE_PROVIDER}; nothing else changes.
 */
public final class EventSerdes {

    public static final String PROVIDER_PROPERTY = "acopi.serde.provider";
    private static final String TRUSTED_PACKAGES_PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";

    private static final EventSerdeProvider PROVIDER;

    static {
        // Avro 1.12 refuses to instantiate generated classes outside its trusted packages.
        String trusted = System.getProperty(TRUSTED_PACKAGES_PROPERTY);
        if (trusted == null || trusted.isBlank()) {
            System.setProperty(TRUSTED_PACKAGES_PROPERTY, "org.acopi,java.lang,java.util,java.math,java.time");
        } else if (!trusted.contains("org.acopi")) {
            System.setProperty(TRUSTED_PACKAGES_PROPERTY, trusted + ",org.acopi");
        }
        PROVIDER = loadProvider();
    }

    private EventSerdes() {
    }

    public static <T extends SpecificRecord> Serde<T> serde(Class<T> type) {
        return PROVIDER.serde(type);
    }

    private static EventSerdeProvider loadProvider() {
        String name = System.getProperty(PROVIDER_PROPERTY, System.getenv("ACOPI_SERDE_PROVIDER"));
        if (name == null || name.isBlank()) {
            return SingleObjectAvroSerde::new;
        }
        try {
            return (EventSerdeProvider) Class.forName(name).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot load the event serde provider " + name, e);
        }
    }
}
