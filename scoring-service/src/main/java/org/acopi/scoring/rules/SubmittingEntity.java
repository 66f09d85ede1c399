package org.acopi.scoring.rules;

import org.acopi.events.EntityType;

/**
 * The level at which PI data are submitted and scored (QPP Submissions API {@code entityType}): an individual
 * (TIN/NPI), a group (TIN), a virtual group or an APM entity (for an MSSP ACO, its ACO id). The entity id is the part
 * of the submission key {@code {py}:{entityType}:{entityId}} after the type: {@code tin:npi}, {@code tin}, the
 * virtual group id or the APM entity id.
 */
public record SubmittingEntity(EntityType type, String tin, String npi, String virtualGroupId, String apmEntityId) {

    public static SubmittingEntity individual(String tin, String npi) {
        return new SubmittingEntity(EntityType.INDIVIDUAL, tin, npi, null, null);
    }

    public static SubmittingEntity group(String tin) {
        return new SubmittingEntity(EntityType.GROUP, tin, null, null, null);
    }

    public static SubmittingEntity virtualGroup(String virtualGroupId) {
        return new SubmittingEntity(EntityType.VIRTUAL_GROUP, null, null, virtualGroupId, null);
    }

    public static SubmittingEntity apmEntity(String apmEntityId) {
        return new SubmittingEntity(EntityType.APM_ENTITY, null, null, null, apmEntityId);
    }

    /** The entity id of the submission key; null when the identifier it needs is missing. */
    public String entityId() {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case INDIVIDUAL -> tin == null || npi == null ? null : individualId(tin, npi);
            case GROUP -> tin;
            case VIRTUAL_GROUP -> virtualGroupId;
            case APM_ENTITY -> apmEntityId;
        };
    }

    /** The entity id of an individual clinician's submissions. */
    public static String individualId(String tin, String npi) {
        return tin + ":" + npi;
    }
}
