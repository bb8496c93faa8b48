package io.dynamoid.emulator.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fast path for long strings writes exactly the bytes Jackson's writeString writes. */
class AttrValueJsonWriteTextTest {
    private static final JsonFactory JSON = new JsonFactory();
    /** Characters around every boundary the 8-byte test draws, and ones JSON escapes or encodes on several bytes. */
    private static final char[] SPECIAL = {'\0', '\n', 0x1F, ' ', '!', '"', '#', '/', '?', '[', '\\', ']', '~', 0x7F,
            0x80, 0xE9, 0xFF, 0x100, 0x2028, 0xD83D, 0xDE00, 0xFFFF};

    @Test
    void plainAsciiIsCopiedAsJacksonWritesIt() throws IOException {
        String text = "x".repeat(900);
        assertTrue(AttrValueJson.isPlainAscii(text.getBytes()));
        assertSameAsJackson(text);
    }

    @Test
    void aSpecialCharacterAtAnyPositionIsDetectedAndEscapedAsJacksonDoes() throws IOException {
        for (char special : SPECIAL) {
            for (int length = 32; length <= 48; length++) {
                for (int position = 0; position < length; position++) {
                    char[] chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".substring(0, length).toCharArray();
                    chars[position] = special;
                    String text = new String(chars);
                    if (special < 0x20 || special >= 0x80 || special == '"' || special == '\\' || special == '?') {
                        assertFalse(AttrValueJson.isPlainAscii(
                                text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), text);
                    }
                    assertSameAsJackson(text);
                }
            }
        }
    }

    @Test
    void randomStringsAreWrittenAsJacksonWritesThem() throws IOException {
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            char[] chars = new char[random.nextInt(80)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = random.nextInt(40) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)] : (char) (0x20 + random.nextInt(0x5F));
            }
            assertSameAsJackson(new String(chars));
        }
    }

    private static void assertSameAsJackson(String text) throws IOException {
        assertArrayEquals(written(text, false), written(text, true), text);
    }

    private static byte[] written(String text, boolean fastPath) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            if (fastPath) AttrValueJson.writeText(g, text);
            else g.writeString(text);
            g.writeEndArray();
        }
        return out.toByteArray();
    }
}
