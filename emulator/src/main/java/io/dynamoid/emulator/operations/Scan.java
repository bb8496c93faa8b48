package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.expressions.Expressions;
import io.dynamoid.emulator.expressions.LegacyConditions;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.storage.IndexDefinition;
import io.dynamoid.emulator.storage.IndexStore;
import io.dynamoid.emulator.storage.KeyElement;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.storage.TableDefinition;
import io.dynamoid.emulator.validation.RequestSpec;

import java.util.List;
import java.util.Map;

import static io.dynamoid.emulator.validation.Shape.attributeValue;
import static io.dynamoid.emulator.validation.Shape.bool;
import static io.dynamoid.emulator.validation.Shape.integer;
import static io.dynamoid.emulator.validation.Shape.list;
import static io.dynamoid.emulator.validation.Shape.map;
import static io.dynamoid.emulator.validation.Shape.string;
import static io.dynamoid.emulator.validation.Shape.valueStruct;

/**
 * Scan: every item of a table or index in its stable order (partition-key hash, partition key, sort key),
 * a page at a time; a parallel scan's segment is a range of the unsigned 32-bit partition hash, so the
 * segments of one TotalSegments partition the table exactly.
 */
public final class Scan implements Operation {
    private static final RequestSpec SPEC = RequestSpec.of()
            .with("Select", string().oneOf("SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES"))
            .with("IndexName", string().regex("[a-zA-Z0-9_.-]+").minLength(3).maxLength(255))
            .with("TotalSegments", integer().min(1).max(1000000))
            .with("ReturnConsumedCapacity", string().oneOf("INDEXES", "TOTAL", "NONE"))
            .with("TableName", string().notNull().regex("[a-zA-Z0-9_.-]+").minLength(3).maxLength(255))
            .with("ConditionalOperator", string().oneOf("OR", "AND"))
            .with("ScanFilter", map("Condition", valueStruct("Condition")
                    .with("AttributeValueList", list(attributeValue()))
                    .with("ComparisonOperator", string().notNull().oneOf(ReadRequest.COMPARISON_OPERATORS))))
            .with("Segment", integer().min(0).max(999999))
            .with("Limit", integer().min(1))
            .with("AttributesToGet", list(string()).minLength(1).maxLength(255))
            .with("ExclusiveStartKey", map("AttributeValue", attributeValue()))
            .with("ConsistentRead", bool())
            .with("FilterExpression", string())
            .with("ProjectionExpression", string())
            .with("ExpressionAttributeValues", map("AttributeValue", attributeValue()))
            .with("ExpressionAttributeNames", map("java.lang.String", string()));

    private static final long HASH_SPACE = 1L << 32;

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        // request-only validation, in dynalite's order (validations/scan.js)
        Expressions.checkParameters(request, List.of("ProjectionExpression", "FilterExpression"),
                List.of("AttributesToGet", "ScanFilter", "ConditionalOperator"));
        List<String> attributesToGet = ReadRequest.attributesToGet(request);
        ReadRequest.checkNoDuplicates(attributesToGet);
        LegacyConditions.checkConditions(request.get("ScanFilter"));
        Map<String, AttrValue> startKey = ReadRequest.exclusiveStartKey(request);
        Integer segment = ReadRequest.integer(request, "Segment");
        Integer totalSegments = ReadRequest.integer(request, "TotalSegments");
        if (segment != null && segment > 0 && totalSegments == null) {
            throw Errors.validation("The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        }
        if (totalSegments != null) {
            if (segment == null) {
                throw Errors.validation("The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
            }
            if (segment >= totalSegments) {
                throw Errors.validation("The Segment parameter is zero-based and must be less than parameter TotalSegments: "
                        + "Segment: " + segment + " is not less than TotalSegments: " + totalSegments);
            }
        }
        Expressions.Compiled compiled = Expressions.compile(request);

        // against the table (actions/scan.js)
        boolean consistent = ReadRequest.flag(request, "ConsistentRead");
        Table table = context.table(ReadRequest.text(request, "TableName"));
        IndexStore index = ReadRequest.index(table, ReadRequest.text(request, "IndexName"), consistent);
        IndexDefinition indexDefinition = index == null ? null : index.definition();
        String select = ReadRequest.select(ReadRequest.text(request, "Select"), attributesToGet != null,
                compiled.projection() != null, indexDefinition);
        ReadTarget<?> target = ReadTarget.of(table, index);

        List<String> startKeyNames = target.startKeyNames();
        if (startKey != null && startKey.size() != startKeyNames.size()) {
            throw Errors.validation(index != null ? "The provided starting key is invalid"
                    : "The provided starting key is invalid: The provided key element does not match the schema");
        }
        if (index != null && startKey != null) {
            for (KeyElement element : target.keySchema().elements()) {
                if (!startKey.containsKey(element.name())) throw Errors.validation("The provided starting key is invalid");
                ReadRequest.checkKeyPiece(startKey, element, element == target.keySchema().hash());
            }
        }
        ReadRequest.checkSelectOnGlobalIndex(select, indexDefinition);
        if (startKey != null) ReadRequest.checkTableKey(startKey, table);

        long hashFrom = 0;
        long hashTo = HASH_SPACE;
        if (totalSegments != null && totalSegments > 1) {
            hashFrom = segmentStart(segment, totalSegments);
            hashTo = segmentStart(segment + 1, totalSegments);
            if (startKey != null) {
                long startHash = target.hashOf(startKey);
                if (startHash < hashFrom || startHash >= hashTo) {
                    throw Errors.validation("The provided starting key is invalid: Invalid ExclusiveStartKey. "
                            + "Please use ExclusiveStartKey with correct Segment. TotalSegments: " + totalSegments
                            + " Segment: " + segment);
                }
            }
        }
        TableDefinition definition = table.definition();
        if (compiled.projection() != null) Expressions.checkKeyPaths(compiled.projection().nestedPathHeads(), definition);
        if (compiled.filter() != null) Expressions.checkKeyPaths(compiled.filter().nestedPathHeads(), definition);

        ReadPage page = ReadRequest.readPage(target.scan(hashFrom, hashTo, startKey), request, table, index, select,
                ReadRequest.projection(compiled, attributesToGet), ReadRequest.filter(compiled, request, "ScanFilter"),
                startKeyNames);
        return ReadRequest.response(page, page.capacity(table.name(), indexDefinition, consistent),
                ConsumedCapacity.Mode.of(request), select);
    }

    /** The first unsigned hash of segment {@code segment} of {@code total}: ceil(2^32 * segment / total). */
    static long segmentStart(long segment, long total) {
        return (HASH_SPACE * segment + total - 1) / total;
    }
}
