package org.acopi.reporting.console;

import org.acopi.contracts.Identifiers;

/**
 * How the console names a TIN. TINs can be Social Security numbers of sole proprietors, so pages, links and downloads
 * carry only the last four digits ({@link Identifiers#maskTin}) unless {@code acopi.reporting.show-full-tin} is true.
 * A link or filter refers to a TIN by those four digits (its "reference"); within one ACO two TINs rarely share them,
 * and where they do, a filter shows both.
 */
final class TinRefs {

    private TinRefs() {
    }

    static String display(String tin, boolean showFullTin) {
        return showFullTin ? tin : Identifiers.maskTin(tin);
    }

    static String ref(String tin, boolean showFullTin) {
        return showFullTin || tin.length() <= 4 ? tin : tin.substring(tin.length() - 4);
    }

    static boolean matches(String tin, String ref, boolean showFullTin) {
        boolean lastFour = ref.length() == 4 && tin.endsWith(ref);
        return showFullTin ? lastFour || tin.equals(ref) : lastFour;
    }
}
