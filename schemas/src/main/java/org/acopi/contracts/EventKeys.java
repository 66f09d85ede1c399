package org.acopi.contracts;

import org.acopi.events.EntityType;

/** Builds the record keys of design.md §4 so that every producer keys the same entity the same way. */
public final class EventKeys {

    /** The NPI part of a hardship key that applies to the whole TIN. */
    public static final String WHOLE_TIN = "*";

    private EventKeys() {
    }

    public static String acoYear(String acoId, int performanceYear) {
        return acoId + ":" + performanceYear;
    }

    public static String clinician(int performanceYear, String tin, String npi) {
        return performanceYear + ":" + tin + ":" + npi;
    }

    public static String wholeTin(int performanceYear, String tin) {
        return clinician(performanceYear, tin, WHOLE_TIN);
    }

    public static String tin(int performanceYear, String tin) {
        return performanceYear + ":" + tin;
    }

    public static String submission(int performanceYear, EntityType entityType, String entityId) {
        return performanceYear + ":" + entityType + ":" + entityId;
    }

    public static String submissionScore(String submissionKey, String submitter) {
        return submissionKey + ":" + submitter;
    }
}
