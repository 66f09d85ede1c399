package org.acopi.scoring.ingest;

import java.util.function.BiConsumer;
import org.acopi.contracts.Identifiers;
import org.acopi.scoring.rules.ProblemCode;
import org.acopi.scoring.rules.SubmittingEntity;

/** The identifier checks both document formats make on the submitting entity (design.md §4); messages show no TIN. */
final class Identity {

    private Identity() {
    }

    static void check(SubmittingEntity entity, BiConsumer<ProblemCode, String> problems) {
        switch (entity.type()) {
            case INDIVIDUAL -> {
                tin(entity.tin(), problems);
                if (entity.npi() == null || entity.npi().isBlank()) {
                    problems.accept(ProblemCode.NPI_INVALID, "the NPI (nationalProviderIdentifier) is missing");
                } else if (!Identifiers.isNpi(entity.npi())) {
                    problems.accept(ProblemCode.NPI_INVALID, "the NPI is not 10 digits passing the check digit (Luhn over 80840)");
                }
            }
            case GROUP -> tin(entity.tin(), problems);
            case VIRTUAL_GROUP -> required(entity.virtualGroupId(), "virtualGroupIdentifier", problems);
            case APM_ENTITY -> required(entity.apmEntityId(), "apmEntityIdentifier", problems);
        }
    }

    private static void tin(String tin, BiConsumer<ProblemCode, String> problems) {
        if (tin == null || tin.isBlank()) {
            problems.accept(ProblemCode.TIN_INVALID, "the TIN (taxpayerIdentificationNumber) is missing");
        } else if (!Identifiers.isTin(tin)) {
            problems.accept(ProblemCode.TIN_INVALID, "the TIN is not 9 digits");
        }
    }

    private static void required(String id, String field, BiConsumer<ProblemCode, String> problems) {
        if (id == null || id.isBlank()) {
            problems.accept(ProblemCode.ENTITY_ID_MISSING, field + " is missing");
        }
    }
}
