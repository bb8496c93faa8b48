package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.protocol.ItemSize;
import io.dynamoid.emulator.storage.IndexDefinition;
import io.dynamoid.emulator.storage.ItemKey;
import io.dynamoid.emulator.storage.KeyElement;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.storage.TableDefinition;

import java.util.Map;

/**
 * Checks a Key parameter or a whole item against a table's key schema, with DynamoDB's messages and in its
 * order (after dynalite's {@code db.validateKey} / {@code db.validateItem}). Every item operation uses these:
 * GetItem, DeleteItem, PutItem, batches, transactions, UpdateItem.
 */
public final class Keys {
    /** DynamoDB's limits on key values: 2048 bytes for a partition key, 1024 for a sort key. */
    public static final int MAX_PARTITION_KEY_BYTES = 2048;
    public static final int MAX_SORT_KEY_BYTES = 1024;

    static final String KEY_MISMATCH = "The provided key element does not match the schema";

    private Keys() {
    }

    /**
     * A Key parameter: exactly the table's key attributes, each of its declared type, non-empty and within
     * the size limits. Returns the item's position in the table.
     */
    public static ItemKey validateKey(Map<String, AttrValue> key, Table table) {
        TableDefinition definition = table.definition();
        if (key.size() != definition.keySchema().elements().size()) throw Errors.validation(KEY_MISMATCH);
        boolean partition = true;
        for (KeyElement element : definition.keySchema().elements()) {
            validateKeyPiece(key, element, typeOf(definition, element), partition);
            partition = false;
        }
        return table.keyOf(key);
    }

    /**
     * One attribute of a key (a Key parameter, or a Query/Scan ExclusiveStartKey against a table or index key
     * schema): present with {@code type} (else "does not match the schema"), non-empty, within the size limit.
     */
    public static void validateKeyPiece(Map<String, AttrValue> key, KeyElement element, String type, boolean partition) {
        AttrValue value = key.get(element.name());
        if (value == null || !value.type().equals(type)) throw Errors.validation(KEY_MISMATCH);
        if (isEmpty(value)) {
            throw Errors.validation("One or more parameter values were invalid: " + emptyKeyText(value) + " Key: " + element.name());
        }
        checkSize(value, partition);
    }

    /**
     * A whole item (PutItem, BatchWriteItem's PutRequest, transactions): the table's key attributes present,
     * typed, non-empty and within the size limits; then every secondary-index key attribute the item carries
     * must have the index's type and not be empty. Returns the item's position in the table.
     */
    public static ItemKey validateItem(Map<String, AttrValue> item, Table table) {
        TableDefinition definition = table.definition();
        boolean partition = true;
        for (KeyElement element : definition.keySchema().elements()) {
            AttrValue value = item.get(element.name());
            if (value == null) {
                throw Errors.validation("One or more parameter values were invalid: Missing the key " + element.name() + " in the item");
            }
            String type = typeOf(definition, element);
            if (!value.type().equals(type)) {
                throw Errors.validation("One or more parameter values were invalid: Type mismatch for key " + element.name()
                        + " expected: " + type + " actual: " + value.type());
            }
            if (isEmpty(value)) {
                throw Errors.validation("One or more parameter values are not valid. " + emptyKeyText(value) + " Key: " + element.name());
            }
            checkSize(value, partition);
            partition = false;
        }
        for (IndexDefinition index : definition.globalIndexes()) validateIndexKey(item, index, definition);
        for (IndexDefinition index : definition.localIndexes()) validateIndexKey(item, index, definition);
        return table.keyOf(item);
    }

    /**
     * An item in BatchWriteItem's PutRequest: as {@link #validateItem}, except that a missing or mistyped
     * table key attribute is answered "The provided key element does not match the schema", as DynamoDB does
     * there (dynalite's {@code actions/batchWriteItem.js}).
     */
    public static ItemKey validateBatchItem(Map<String, AttrValue> item, Table table) {
        TableDefinition definition = table.definition();
        for (KeyElement element : definition.keySchema().elements()) {
            AttrValue value = item.get(element.name());
            if (value == null || !value.type().equals(typeOf(definition, element))) throw Errors.validation(KEY_MISMATCH);
        }
        return validateItem(item, table);
    }

    private static void validateIndexKey(Map<String, AttrValue> item, IndexDefinition index, TableDefinition definition) {
        for (KeyElement element : index.keySchema().elements()) {
            AttrValue value = item.get(element.name());
            if (value == null) continue;
            String type = typeOf(definition, element);
            if (!value.type().equals(type)) {
                throw Errors.validation("One or more parameter values were invalid: Type mismatch for Index Key " + element.name()
                        + " Expected: " + type + " Actual: " + value.type() + " IndexName: " + index.name());
            }
            if (isEmpty(value)) {
                // Message from real DynamoDB (quoted in architect/dynalite issue #184).
                throw Errors.validation("One or more parameter values are not valid. A value specified for a secondary index key "
                        + "is not supported. " + emptyKeyText(value) + " IndexName: " + index.name() + ", IndexKey: " + element.name());
            }
            int bytes = keyBytes(value);
            int max = element.keyType().equals("HASH") ? MAX_PARTITION_KEY_BYTES : MAX_SORT_KEY_BYTES;
            if (bytes > max) {
                // Message from real DynamoDB (quoted in architect/dynalite issue #35)
                throw Errors.validation("One or more parameter values were invalid: Size limit exceeded for Index Key " + element.name()
                        + " Actual Size: " + bytes + " bytes Max Size: " + max + " bytes IndexName: " + index.name());
            }
        }
    }

    /** Whether {@code item} has every key attribute of {@code index} (so it appears in that sparse index). */
    public static boolean inIndex(Map<String, AttrValue> item, IndexDefinition index) {
        if (item == null) return false;
        for (KeyElement element : index.keySchema().elements()) {
            if (!item.containsKey(element.name())) return false;
        }
        return true;
    }

    /** The declared type (S, N or B) of a key attribute, from the table's AttributeDefinitions. */
    private static String typeOf(TableDefinition definition, KeyElement element) {
        return definition.attributeDefinitions().get(element.name());
    }

    private static boolean isEmpty(AttrValue value) {
        if (value instanceof AttrValue.S s) return s.value().isEmpty();
        if (value instanceof AttrValue.B b) return b.value().length() == 0;
        return false;
    }

    private static String emptyKeyText(AttrValue value) {
        return "The AttributeValue for a key attribute cannot contain an empty " + (value instanceof AttrValue.S ? "string" : "binary") + " value.";
    }

    /** Numbers are always within the limits; strings count UTF-8 bytes, binaries their length. */
    /** The size a key value counts against the key limits: UTF-8 bytes of S, length of B, nothing for N. */
    private static int keyBytes(AttrValue value) {
        if (value instanceof AttrValue.S s) return ItemSize.utf8Length(s.value());
        if (value instanceof AttrValue.B b) return b.value().length();
        return 0;
    }

    private static void checkSize(AttrValue value, boolean partition) {
        int bytes = keyBytes(value);
        // Messages (with DynamoDB's missing space in "of2048") from dynalite's test/putItem.js and getItem.js.
        if (partition && bytes > MAX_PARTITION_KEY_BYTES) {
            throw Errors.validation("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes");
        }
        if (!partition && bytes > MAX_SORT_KEY_BYTES) {
            throw Errors.validation("One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
        }
    }
}
