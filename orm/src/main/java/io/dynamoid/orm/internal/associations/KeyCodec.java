package io.dynamoid.orm.internal.associations;

import io.dynamoid.orm.InvalidValueException;
import io.dynamoid.orm.internal.ModelMapping;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a record's primary key is written into an association attribute: one string per target.
 * <ul>
 *   <li>hash-only model: the hash key as text (S as is, N in its decimal form, B in base64), so a
 *       {@code <name>_ids} set holds plain ids exactly as in Dynamoid;</li>
 *   <li>hash + range model: {@code hash|range}, each part as above with {@code \} and {@code |} escaped by a
 *       backslash, e.g. {@code user-1|2024-05-01} or {@code a\|b|7}.</li>
 * </ul>
 * The text is read back with the key types of the target's table, so it round-trips any key type.
 */
public final class KeyCodec {
    private static final char SEPARATOR = '|';
    private static final char ESCAPE = '\\';

    private KeyCodec() {
    }

    /** The element for a key given as attributes of {@code mapping}'s table. */
    public static String encode(ModelMapping mapping, Map<String, AttributeValue> key) {
        String hash = text(key.get(mapping.hashKey().name()));
        if (mapping.rangeKey() == null) {
            return hash;
        }
        return escape(hash) + SEPARATOR + escape(text(key.get(mapping.rangeKey().name())));
    }

    /** The key attributes of {@code mapping}'s table that an element stands for. */
    public static Map<String, AttributeValue> decode(ModelMapping mapping, String element) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        if (mapping.rangeKey() == null) {
            key.put(mapping.hashKey().name(), value(mapping.hashKey(), element));
            return key;
        }
        int split = separatorIndex(element);
        if (split < 0) {
            throw new InvalidValueException("'" + element + "' is not a key of " + mapping.meta().type().getSimpleName()
                    + ": a hash|range pair was expected");
        }
        key.put(mapping.hashKey().name(), value(mapping.hashKey(), unescape(element.substring(0, split))));
        key.put(mapping.rangeKey().name(), value(mapping.rangeKey(), unescape(element.substring(split + 1))));
        return key;
    }

    private static String text(AttributeValue v) {
        if (v.s() != null) {
            return v.s();
        }
        if (v.n() != null) {
            return v.n();
        }
        return Base64.getEncoder().encodeToString(v.b().asByteArray());
    }

    private static AttributeValue value(ModelMapping.MappedField field, String text) {
        ScalarAttributeType type = field.codec().keyType();
        if (type == ScalarAttributeType.N) {
            return AttributeValue.fromN(text);
        }
        if (type == ScalarAttributeType.B) {
            return AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(text)));
        }
        return AttributeValue.fromS(text);
    }

    private static String escape(String part) {
        StringBuilder sb = new StringBuilder(part.length());
        for (char c : part.toCharArray()) {
            if (c == ESCAPE || c == SEPARATOR) {
                sb.append(ESCAPE);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String unescape(String part) {
        StringBuilder sb = new StringBuilder(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == ESCAPE && i + 1 < part.length()) {
                c = part.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** The first separator not preceded by an escape, or -1. */
    private static int separatorIndex(String element) {
        for (int i = 0; i < element.length(); i++) {
            char c = element.charAt(i);
            if (c == ESCAPE) {
                i++;
            } else if (c == SEPARATOR) {
                return i;
            }
        }
        return -1;
    }
}
