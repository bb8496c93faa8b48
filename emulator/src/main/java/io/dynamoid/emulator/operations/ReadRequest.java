package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.expressions.ConditionExpression;
import io.dynamoid.emulator.expressions.Expressions;
import io.dynamoid.emulator.expressions.LegacyConditions;
import io.dynamoid.emulator.expressions.Projection;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.AttrValueJson;
import io.dynamoid.emulator.protocol.DynamoException;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.storage.IndexDefinition;
import io.dynamoid.emulator.storage.IndexStore;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.KeyElement;
import io.dynamoid.emulator.storage.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** The parts Query and Scan share: the members they both take, their rules and messages. */
final class ReadRequest {
    static final String[] COMPARISON_OPERATORS = {"IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ", "GT",
            "NOT_NULL", "NE", "LE", "BEGINS_WITH", "GE", "CONTAINS"};

    /** Validation messages of starting-key values that DynamoDB does not prefix with "The provided starting key is invalid: ". */
    private static final Pattern UNPREFIXED = Pattern.compile(
            "contains duplicates|number set|numeric value|significant digits|number with magnitude");

    private ReadRequest() {
    }

    static String text(ObjectNode request, String member) {
        JsonNode node = request.get(member);
        return node == null ? null : node.textValue();
    }

    static Integer integer(ObjectNode request, String member) {
        JsonNode node = request.get(member);
        return node == null ? null : node.intValue();
    }

    static boolean flag(ObjectNode request, String member) {
        JsonNode node = request.get(member);
        return node != null && node.booleanValue();
    }

    /** AttributesToGet as a list, or null. */
    static List<String> attributesToGet(ObjectNode request) {
        JsonNode node = request.get("AttributesToGet");
        if (node == null) return null;
        List<String> names = new ArrayList<>();
        for (JsonNode name : node) names.add(name.textValue());
        return names;
    }

    /** "Duplicate value in attribute name" for a repeated AttributesToGet entry. */
    static void checkNoDuplicates(List<String> attributesToGet) {
        if (attributesToGet == null) return;
        Set<String> seen = new HashSet<>();
        for (String name : attributesToGet) {
            if (!seen.add(name)) {
                throw Errors.validation("One or more parameter values were invalid: Duplicate value in attribute name: " + name);
            }
        }
    }

    /** Reads ExclusiveStartKey's values with DynamoDB's value rules and its (partly) prefixed messages; null if absent. */
    static Map<String, AttrValue> exclusiveStartKey(ObjectNode request) {
        JsonNode node = request.get("ExclusiveStartKey");
        if (node == null) return null;
        Map<String, AttrValue> key = new LinkedHashMap<>();
        var fields = node.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            String message = AttrValueJson.validate(field.getValue(), 0);
            if (message != null) {
                throw Errors.validation(UNPREFIXED.matcher(message).find()
                        ? message : "The provided starting key is invalid: " + message);
            }
            key.put(field.getKey(), AttrValueJson.read(field.getValue()));
        }
        return key;
    }

    /**
     * The named index of the table, or DynamoDB's error; GSIs refuse consistent reads, and cannot be read
     * while UpdateTable is still backfilling them.
     */
    static IndexStore index(Table table, String indexName, boolean consistentRead) {
        if (indexName == null) return null;
        IndexDefinition index = table.definition().index(indexName);
        if (index == null) throw Errors.validation("The table does not have the specified index: " + indexName);
        if (index.global() && consistentRead) {
            throw Errors.validation("Consistent reads are not supported on global secondary indexes");
        }
        if (index.global() && "CREATING".equals(index.status())) {
            // the message boto3 users quote from DynamoDB (aws-cloudformation coverage-roadmap issue #1075)
            throw Errors.validation("Cannot read from backfilling global secondary index");
        }
        return table.indexes().store(index);
    }

    /**
     * The effective Select, after DynamoDB's rules on combining it with AttributesToGet and
     * ProjectionExpression (DynamoDB Local's order and messages).
     */
    static String select(String select, boolean hasAttributesToGet, boolean hasProjectionExpression, IndexDefinition index) {
        boolean specific = hasAttributesToGet || hasProjectionExpression;
        if (select == null) return specific ? "SPECIFIC_ATTRIBUTES" : index != null ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
        String given = hasAttributesToGet ? "AttributesToGet" : "ProjectionExpression";
        switch (select) {
            case "ALL_ATTRIBUTES" -> {
                if (specific) throw Errors.validation("Cannot specify the " + given + " when choosing to get ALL_ATTRIBUTES");
            }
            case "ALL_PROJECTED_ATTRIBUTES" -> {
                if (specific) {
                    throw Errors.validation("Cannot specify the " + given + " when choosing to get ALL_PROJECTED_ATTRIBUTES");
                }
                if (index == null) {
                    throw Errors.validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
                }
            }
            case "COUNT" -> {
                if (specific) throw Errors.validation("Cannot specify the " + given + " when choosing to get only the Count");
            }
            default -> {
                if (!specific) {
                    throw Errors.validation("Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
                }
            }
        }
        return select;
    }

    /** A global index without ALL projection cannot answer ALL_ATTRIBUTES. */
    static void checkSelectOnGlobalIndex(String select, IndexDefinition index) {
        if (index != null && index.global() && "ALL_ATTRIBUTES".equals(select) && !"ALL".equals(index.projectionType())) {
            throw Errors.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not "
                    + "supported for global secondary index " + index.name() + " because its projection type is not ALL");
        }
    }

    /**
     * For a local index that lacks what was asked (ALL_ATTRIBUTES, or a requested attribute it does not
     * project), DynamoDB reads each matching item from the table: the fetch that does so, else null.
     */
    static UnaryOperator<Item> fetchFromTable(Table table, IndexStore index, String select, Set<String> requested) {
        if (index == null || index.definition().global() || "ALL".equals(index.definition().projectionType())) return null;
        boolean needsTable = "ALL_ATTRIBUTES".equals(select)
                || ("SPECIFIC_ATTRIBUTES".equals(select) && requested.stream().anyMatch(a -> !index.isProjected(a)));
        if (!needsTable) return null;
        return entry -> table.get(table.keyOf(entry.attributes()));
    }

    /** The request's projection: its ProjectionExpression, or its AttributesToGet; null for whole items. */
    static Projection projection(Expressions.Compiled compiled, List<String> attributesToGet) {
        if (compiled.projection() != null) return compiled.projection();
        return attributesToGet == null ? null : Projection.ofAttributes(attributesToGet);
    }

    /** The request's filter: its FilterExpression, or its legacy QueryFilter/ScanFilter; null when none. */
    static ConditionExpression filter(Expressions.Compiled compiled, ObjectNode request, String legacyMember) {
        if (compiled.filter() != null) return compiled.filter();
        return LegacyConditions.filter(request.get(legacyMember), request.get("ConditionalOperator"));
    }

    /** Reads one page with the request's Limit, filter and projection (none for COUNT, which returns no items). */
    static ReadPage readPage(Iterator<Item> source, ObjectNode request, Table table, IndexStore index, String select,
                             Projection projection, ConditionExpression filter, List<String> startKeyNames) {
        UnaryOperator<Item> fetch = fetchFromTable(table, index, select,
                projection == null ? Set.of() : projection.attributes());
        Predicate<Map<String, AttrValue>> matches = filter == null ? item -> true : filter::matches;
        UnaryOperator<Map<String, AttrValue>> project = projection == null || "COUNT".equals(select)
                ? UnaryOperator.identity() : projection::apply;
        return ReadPage.read(source, integer(request, "Limit"), index != null, fetch,
                table.definition().rangeKeyName(), startKeyNames, matches, project);
    }

    /** The response of a Query or Scan page: Count, Items (unless Select COUNT), LastEvaluatedKey, ScannedCount. */
    static Response response(ReadPage page, ConsumedCapacity capacity, ConsumedCapacity.Mode capacityMode, String select) {
        boolean countOnly = "COUNT".equals(select);
        return g -> {
            g.writeStartObject();
            ConsumedCapacity.writeField(g, capacityMode, capacity);
            g.writeNumberField("Count", page.items().size());
            if (!countOnly) {
                g.writeArrayFieldStart("Items");
                for (Map<String, AttrValue> item : page.items()) AttrValueJson.writeItem(g, item);
                g.writeEndArray();
            }
            if (page.lastEvaluatedKey() != null) {
                g.writeFieldName("LastEvaluatedKey");
                AttrValueJson.writeItem(g, page.lastEvaluatedKey());
            }
            g.writeNumberField("ScannedCount", page.scannedCount());
            g.writeEndObject();
        };
    }

    /** One key attribute of a starting key, against the table's or the index's key schema. */
    static void checkKeyPiece(Map<String, AttrValue> key, KeyElement element, boolean isHash) {
        Keys.validateKeyPiece(key, element, element.attributeType(), isHash);
    }

    /** The table part of a starting key must be a valid table key ("The provided starting key is invalid: ..."). */
    static void checkTableKey(Map<String, AttrValue> startKey, Table table) {
        Map<String, AttrValue> tableKey = new LinkedHashMap<>();
        for (KeyElement element : table.definition().keySchema().elements()) {
            AttrValue value = startKey.get(element.name());
            if (value != null) tableKey.put(element.name(), value);
        }
        try {
            Keys.validateKey(tableKey, table);
        } catch (DynamoException e) {
            throw Errors.validation("The provided starting key is invalid: " + e.getMessage());
        }
    }
}
