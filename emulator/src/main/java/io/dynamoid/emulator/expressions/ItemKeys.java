package io.dynamoid.emulator.expressions;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.AttrValueJson;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.protocol.ItemSize;
import io.dynamoid.emulator.storage.KeyElement;
import io.dynamoid.emulator.storage.KeySchema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request's Key checked against a key schema, as DynamoDB checks it (dynalite's db.validateKey): same
 * number of attributes, each present with the declared type, non-empty, within the key size limits.
 */
public final class ItemKeys {
    private ItemKeys() {
    }

    /** Reads a Key map's values (each checked as an AttributeValue). */
    public static Map<String, AttrValue> read(JsonNode key) {
        return key == null ? new LinkedHashMap<>() : AttrValueJson.readItem(key);
    }

    /** Throws DynamoDB's ValidationException when {@code key} does not match {@code schema}. */
    public static void check(Map<String, AttrValue> key, KeySchema schema, Map<String, String> attributeTypes) {
        if (key.size() != schema.elements().size()) {
            throw Errors.validation("The provided key element does not match the schema");
        }
        boolean hash = true;
        for (KeyElement element : schema.elements()) {
            String type = element.attributeType() != null ? element.attributeType() : attributeTypes.get(element.name());
            AttrValue value = key.get(element.name());
            if (value == null || !value.type().equals(type)) {
                throw Errors.validation("The provided key element does not match the schema");
            }
            int size = -1;
            if (value instanceof AttrValue.S s) size = ItemSize.utf8Length(s.value());
            else if (value instanceof AttrValue.B b) size = b.value().length();
            if (size == 0) {
                throw Errors.validation("One or more parameter values were invalid: The AttributeValue for a key attribute cannot contain an empty "
                        + (type.equals("S") ? "string" : "binary") + " value. Key: " + element.name());
            }
            if (hash && size > 2048) {
                throw Errors.validation("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes");
            }
            if (!hash && size > 1024) {
                throw Errors.validation("One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
            }
            hash = false;
        }
    }
}
