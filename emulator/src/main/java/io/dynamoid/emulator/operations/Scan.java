package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.AttrValueJson;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.storage.IndexDefinition;
import io.dynamoid.emulator.storage.IndexStore;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.KeyElement;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.validation.RequestSpec;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

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
        List<String> attributesToGet = ReadRequest.attributesToGet(request);
        ReadRequest.checkNoDuplicates(attributesToGet);
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

        boolean consistent = ReadRequest.flag(request, "ConsistentRead");
        Table table = context.table(ReadRequest.text(request, "TableName"));
        IndexStore index = ReadRequest.index(table, ReadRequest.text(request, "IndexName"), consistent);
        IndexDefinition indexDefinition = index == null ? null : index.definition();
        String select = ReadRequest.select(ReadRequest.text(request, "Select"), attributesToGet != null,
                request.has("ProjectionExpression"), indexDefinition);
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
        if (startKey != null) ReadRequest.checkTableKey(startKey, table.definition().keySchema());

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

        Set<String> requested = attributesToGet == null ? Set.of() : new HashSet<>(attributesToGet);
        UnaryOperator<Item> fetch = ReadRequest.fetchFromTable(table, index, select, requested);
        Predicate<Map<String, AttrValue>> filter = item -> true;
        UnaryOperator<Map<String, AttrValue>> projection = attributesToGet != null
                ? ReadRequest.keepOnly(attributesToGet) : UnaryOperator.identity();
        ReadPage page = ReadPage.read(target.scan(hashFrom, hashTo, startKey), ReadRequest.integer(request, "Limit"),
                index != null, fetch, table.definition().rangeKeyName(), startKeyNames, filter, projection);
        ConsumedCapacity capacity = page.capacity(table.name(), indexDefinition, consistent);
        ConsumedCapacity.Mode capacityMode = ConsumedCapacity.Mode.of(request);
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

    /** The first unsigned hash of segment {@code segment} of {@code total}: ceil(2^32 * segment / total). */
    static long segmentStart(long segment, long total) {
        return (HASH_SPACE * segment + total - 1) / total;
    }
}
