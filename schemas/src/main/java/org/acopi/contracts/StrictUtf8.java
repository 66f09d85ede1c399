package org.acopi.contracts;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes input text that must be UTF-8 (every acopi document format is), refusing bytes that are not instead of
 * replacing them with U+FFFD as {@code new String(bytes, UTF_8)} silently does: a TIN, an id or a name with a
 * replaced byte would otherwise be stored and published as if it had been sent that way.
 */
public final class StrictUtf8 {

    private StrictUtf8() {
    }

    /** The text, or null when the bytes are not UTF-8. */
    public static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
