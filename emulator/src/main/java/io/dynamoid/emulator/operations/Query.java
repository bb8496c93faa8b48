package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.expressions.ConditionExpression;
import io.dynamoid.emulator.expressions.Expressions;
import io.dynamoid.emulator.expressions.KeyCondition;
import io.dynamoid.emulator.expressions.LegacyConditions;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.AttrValueJson;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.storage.IndexDefinition;
import io.dynamoid.emulator.storage.IndexStore;
import io.dynamoid.emulator.storage.KeyElement;
import io.dynamoid.emulator.storage.KeySchema;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.storage.TableDefinition;
import io.dynamoid.emulator.validation.RequestSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.dynamoid.emulator.validation.Shape.attributeValue;
import static io.dynamoid.emulator.validation.Shape.bool;
import static io.dynamoid.emulator.validation.Shape.integer;
import static io.dynamoid.emulator.validation.Shape.list;
import static io.dynamoid.emulator.validation.Shape.map;
import static io.dynamoid.emulator.validation.Shape.string;
import static io.dynamoid.emulator.validation.Shape.valueStruct;

/**
 * Query: the items of one partition of a table or index whose sort key satisfies the key condition, in
 * sort-key order (or reversed), a page at a time. Reads only that key range of the ordered map:
 * O(log n + items read).
 */
public final class Query implements Operation {
    private static final RequestSpec SPEC = RequestSpec.of()
            .with("Select", string().oneOf("SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES"))
            .with("IndexName", string().regex("[a-zA-Z0-9_.-]+").minLength(3).maxLength(255))
            .with("ReturnConsumedCapacity", string().oneOf("INDEXES", "TOTAL", "NONE"))
            .with("QueryFilter", conditions())
            .with("TableName", string().notNull().regex("[a-zA-Z0-9_.-]+").minLength(3).maxLength(255))
            .with("ConditionalOperator", string().oneOf("OR", "AND"))
            .with("AttributesToGet", list(string()).minLength(1).maxLength(255))
            .with("Limit", integer().min(1))
            .with("KeyConditions", conditions())
            .with("ExclusiveStartKey", map("AttributeValue", attributeValue()))
            .with("ConsistentRead", bool())
            .with("ScanIndexForward", bool())
            .with("KeyConditionExpression", string())
            .with("FilterExpression", string())
            .with("ProjectionExpression", string())
            .with("ExpressionAttributeValues", map("AttributeValue", attributeValue()))
            .with("ExpressionAttributeNames", map("java.lang.String", string()));

    private static io.dynamoid.emulator.validation.Shape conditions() {
        return map("Condition", valueStruct("Condition")
                .with("AttributeValueList", list(attributeValue()))
                .with("ComparisonOperator", string().notNull().oneOf(ReadRequest.COMPARISON_OPERATORS)));
    }

    private static final Set<String> NOT_INDEXABLE = Set.of("NULL", "NOT_NULL", "NE", "CONTAINS", "NOT_CONTAINS", "IN");

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        // request-only validation, in dynalite's order (validations/query.js)
        Expressions.checkParameters(request, List.of("ProjectionExpression", "FilterExpression", "KeyConditionExpression"),
                List.of("AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions"));
        LegacyConditions.checkConditions(request.get("QueryFilter"));
        List<String> attributesToGet = ReadRequest.attributesToGet(request);
        ReadRequest.checkNoDuplicates(attributesToGet);
        Map<String, AttrValue> startKey = ReadRequest.exclusiveStartKey(request);
        if (!request.has("KeyConditions") && !request.has("KeyConditionExpression")) {
            throw Errors.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        Expressions.Compiled compiled = Expressions.compile(request);
        Map<String, KeyCondition> conditions;
        if (compiled.keyCondition() != null) {
            conditions = KeyCondition.fromExpression(compiled.keyCondition());
        } else {
            LegacyConditions.checkConditions(request.get("KeyConditions"));
            conditions = legacyKeyConditions(request.get("KeyConditions"));
        }
        if (conditions.size() != 1 && conditions.size() != 2) {
            throw Errors.validation("Conditions can be of length 1 or 2 only");
        }

        // against the table (actions/query.js)
        boolean consistent = ReadRequest.flag(request, "ConsistentRead");
        Table table = context.table(ReadRequest.text(request, "TableName"));
        IndexStore index = ReadRequest.index(table, ReadRequest.text(request, "IndexName"), consistent);
        IndexDefinition indexDefinition = index == null ? null : index.definition();
        String select = ReadRequest.select(ReadRequest.text(request, "Select"), attributesToGet != null,
                compiled.projection() != null, indexDefinition);
        ReadTarget<?> target = ReadTarget.of(table, index);
        KeySchema schema = target.keySchema();

        List<String> startKeyNames = target.startKeyNames();
        if (startKey != null && startKey.size() != startKeyNames.size()) {
            throw Errors.validation("The provided starting key is invalid");
        }
        checkKeyConditions(schema, conditions, startKey);
        AttrValue partition = conditions.get(schema.hash().name()).values().get(0);
        KeyCondition sortCondition = schema.range() == null ? null : conditions.get(schema.range().name());
        if (startKey != null) checkStartKeyInRange(table, schema, startKey, partition, sortCondition);
        TableDefinition definition = table.definition();
        if (compiled.projection() != null) Expressions.checkKeyPaths(compiled.projection().nestedPathHeads(), definition);
        ConditionExpression filter = ReadRequest.filter(compiled, request, "QueryFilter");
        if (filter != null) checkFilterOnNonKeys(schema, filter, compiled.filter() != null ? "Filter Expression" : "QueryFilter");
        ReadRequest.checkSelectOnGlobalIndex(select, indexDefinition);
        if (compiled.filter() != null) Expressions.checkKeyPaths(compiled.filter().nestedPathHeads(), definition);

        JsonNode forwardNode = request.get("ScanIndexForward");
        boolean forward = forwardNode == null || forwardNode.booleanValue();
        ReadPage page = ReadRequest.readPage(target.query(partition, sortCondition, startKey, forward), request, table,
                index, select, ReadRequest.projection(compiled, attributesToGet), filter, startKeyNames);
        return ReadRequest.response(page, page.capacity(table.name(), indexDefinition, consistent),
                ConsumedCapacity.Mode.of(request), select);
    }

    /** A Query filter may not test the key it queries by: its condition already did. */
    private static void checkFilterOnNonKeys(KeySchema schema, ConditionExpression filter, String parameter) {
        for (KeyElement element : schema.elements()) {
            if (filter.pathHeads().contains(element.name())) {
                throw Errors.validation(parameter + " can only contain non-primary key attributes: Primary key attribute: " + element.name());
            }
        }
    }

    /** KeyConditions as written: attribute → operator and values, in request order. */
    private static Map<String, KeyCondition> legacyKeyConditions(JsonNode keyConditions) {
        Map<String, KeyCondition> conditions = new LinkedHashMap<>();
        if (keyConditions == null) return conditions;
        var fields = keyConditions.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            List<AttrValue> values = new ArrayList<>();
            JsonNode list = field.getValue().get("AttributeValueList");
            if (list != null) for (JsonNode value : list) values.add(AttrValueJson.read(value));
            conditions.put(field.getKey(), new KeyCondition(field.getKey(),
                    field.getValue().get("ComparisonOperator").textValue(), values));
        }
        return conditions;
    }

    /**
     * The key condition against the key schema, attribute by attribute (partition key first), each
     * attribute's starting-key value checked just before its condition, as DynamoDB does.
     */
    private static void checkKeyConditions(KeySchema schema, Map<String, KeyCondition> conditions,
                                           Map<String, AttrValue> startKey) {
        for (KeyElement element : schema.elements()) {
            boolean isHash = element == schema.hash();
            if (startKey != null) {
                if (!startKey.containsKey(element.name())) throw Errors.validation("The provided starting key is invalid");
                ReadRequest.checkKeyPiece(startKey, element, isHash);
            }
            if (isHash && !schema.hasRange() && conditions.size() > 1) {
                throw Errors.validation("Query key condition not supported");
            }
            KeyCondition condition = conditions.get(element.name());
            if (condition == null) {
                if (isHash || conditions.size() > 1) {
                    throw Errors.validation("Query condition missed key schema element: " + element.name());
                }
                continue;
            }
            if (NOT_INDEXABLE.contains(condition.operator())) {
                throw Errors.validation("Attempted conditional constraint is not an indexable operation");
            }
            for (AttrValue value : condition.values()) {
                if (!value.type().equals(element.attributeType())) {
                    throw Errors.validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
                }
            }
            if (isHash && !condition.operator().equals("EQ")) {
                throw Errors.validation("Query key condition not supported");
            }
        }
    }

    /** A starting key must be a table key and lie inside the key condition. */
    private static void checkStartKeyInRange(Table table, KeySchema schema, Map<String, AttrValue> startKey,
                                             AttrValue partition, KeyCondition sortCondition) {
        ReadRequest.checkTableKey(startKey, table);
        boolean samePartition = partition.equals(startKey.get(schema.hash().name()));
        if (sortCondition == null) {
            if (!samePartition) {
                throw Errors.validation("The provided starting key is outside query boundaries based on provided conditions");
            }
            return;
        }
        if (!sortCondition.matches(startKey.get(schema.range().name()))) {
            throw Errors.validation("The provided starting key does not match the range key predicate");
        }
        if (!samePartition) throw Errors.validation("The query can return at most one row and cannot be restarted");
    }
}
