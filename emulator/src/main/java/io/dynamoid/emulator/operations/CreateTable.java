package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.protocol.DynamoException;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.storage.Database;
import io.dynamoid.emulator.storage.IndexDefinition;
import io.dynamoid.emulator.storage.KeyElement;
import io.dynamoid.emulator.storage.KeySchema;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.storage.TableDefinition;
import io.dynamoid.emulator.storage.Throughput;
import io.dynamoid.emulator.validation.RequestSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.dynamoid.emulator.validation.Shape.bool;
import static io.dynamoid.emulator.validation.Shape.list;
import static io.dynamoid.emulator.validation.Shape.valueStruct;

/**
 * CreateTable. The table is usable at once (a local choice: no CREATING phase), but the response reports
 * CREATING, as DynamoDB's does; DescribeTable then shows ACTIVE.
 */
public final class CreateTable implements Operation {
    private static final RequestSpec SPEC = RequestSpec.of()
            .with("AttributeDefinitions", TableShapes.attributeDefinitions().notNull())
            .with("TableName", TableShapes.tableName())
            .with("BillingMode", TableShapes.billingMode())
            .with("ProvisionedThroughput", TableShapes.throughput())
            .with("KeySchema", TableShapes.keySchema(true))
            .with("LocalSecondaryIndexes", list(valueStruct("LocalSecondaryIndex").notNull()
                    .with("IndexName", TableShapes.indexName())
                    .with("KeySchema", TableShapes.keySchema(false))
                    .with("Projection", TableShapes.projection())))
            .with("GlobalSecondaryIndexes", list(valueStruct("GlobalSecondaryIndex").notNull()
                    .with("IndexName", TableShapes.indexName())
                    .with("KeySchema", TableShapes.keySchema(false))
                    .with("Projection", TableShapes.projection())
                    .with("ProvisionedThroughput", TableShapes.throughput())))
            .with("StreamSpecification", TableShapes.streamSpecification())
            .with("SSESpecification", TableShapes.sseSpecification())
            .with("OnDemandThroughput", TableShapes.onDemandThroughput())
            .with("Tags", Tags.tagList())
            .with("TableClass", TableShapes.tableClass())
            .with("DeletionProtectionEnabled", bool());

    static final long MAX_CAPACITY_UNITS = 1_000_000_000_000L;
    static final int MAX_LOCAL_INDEXES = 5;
    static final int MAX_GLOBAL_INDEXES = 20;
    static final int MAX_PROJECTED_ATTRIBUTES = 100;
    static final String INVALID = "One or more parameter values were invalid: ";

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        validate(request);
        Database database = context.database();
        String name = TableNames.forCreate(request.get("TableName").textValue(), database);
        long now = System.currentTimeMillis();
        TableDefinition definition = define(request, database, name, now);
        Table table = new Table(definition);
        if (database.addIfAbsent(table) != null) {
            throw Errors.resourceInUse("Table already exists: " + name);
        }
        return TableDescriptions.response("TableDescription", asCreating(definition), table);
    }

    /** The definition as the CreateTable response shows it: the table and its global indexes CREATING. */
    private static TableDefinition asCreating(TableDefinition definition) {
        List<IndexDefinition> creatingIndexes = new ArrayList<>();
        for (IndexDefinition index : definition.globalIndexes()) creatingIndexes.add(index.withStatus(TableDescriptions.CREATING));
        return definition.toBuilder().status(TableDescriptions.CREATING).globalIndexes(creatingIndexes).build();
    }

    private static TableDefinition define(ObjectNode request, Database database, String name, long now) {
        boolean payPerRequest = TableDefinition.PAY_PER_REQUEST.equals(text(request, "BillingMode"));
        String arn = database.tableArn(name);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (JsonNode a : request.get("AttributeDefinitions")) {
            attributes.put(a.get("AttributeName").textValue(), a.get("AttributeType").textValue());
        }
        List<IndexDefinition> locals = new ArrayList<>();
        for (JsonNode index : iterable(request.get("LocalSecondaryIndexes"))) {
            locals.add(index(index, false, attributes, arn, null));
        }
        List<IndexDefinition> globals = new ArrayList<>();
        for (JsonNode index : iterable(request.get("GlobalSecondaryIndexes"))) {
            Throughput throughput = payPerRequest ? Throughput.ON_DEMAND : throughput(index.get("ProvisionedThroughput"));
            globals.add(index(index, true, attributes, arn, throughput));
        }
        JsonNode stream = request.get("StreamSpecification");
        boolean streamEnabled = stream != null && stream.get("StreamEnabled").booleanValue();
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode tag : iterable(request.get("Tags"))) tags.put(tag.get("Key").textValue(), tag.get("Value").textValue());
        JsonNode protection = request.get("DeletionProtectionEnabled");
        return new TableDefinition(name, arn, UUID.randomUUID().toString(), now, TableDescriptions.ACTIVE,
                keySchema(request.get("KeySchema"), attributes), attributes,
                payPerRequest ? TableDefinition.PAY_PER_REQUEST : TableDefinition.PROVISIONED, payPerRequest ? now : 0,
                payPerRequest ? Throughput.ON_DEMAND : throughput(request.get("ProvisionedThroughput")),
                globals, locals, streamEnabled, streamEnabled ? stream.get("StreamViewType").textValue() : null,
                streamEnabled ? TableDescriptions.streamLabel(now) : null, text(request, "TableClass"),
                protection != null && protection.booleanValue(), tags, null,
                ServerSideEncryption.kmsKeyArn(request.get("SSESpecification"), arn),
                onDemandMaximum(request, "MaxReadRequestUnits", TableDefinition.NO_MAXIMUM),
                onDemandMaximum(request, "MaxWriteRequestUnits", TableDefinition.NO_MAXIMUM));
    }

    static IndexDefinition index(JsonNode index, boolean global, Map<String, String> attributes, String tableArn,
                                 Throughput throughput) {
        String name = index.get("IndexName").textValue();
        JsonNode projection = index.get("Projection");
        List<String> nonKey = new ArrayList<>();
        for (JsonNode attribute : iterable(projection.get("NonKeyAttributes"))) nonKey.add(attribute.textValue());
        return new IndexDefinition(name, global, keySchema(index.get("KeySchema"), attributes),
                projection.get("ProjectionType").textValue(), List.copyOf(nonKey),
                global ? TableDescriptions.ACTIVE : null, throughput, tableArn + "/index/" + name);
    }

    static KeySchema keySchema(JsonNode elements, Map<String, String> attributes) {
        KeyElement hash = keyElement(elements.get(0), attributes);
        KeyElement range = elements.size() > 1 ? keyElement(elements.get(1), attributes) : null;
        return new KeySchema(hash, range);
    }

    private static KeyElement keyElement(JsonNode element, Map<String, String> attributes) {
        String name = element.get("AttributeName").textValue();
        return new KeyElement(name, element.get("KeyType").textValue(), attributes.get(name));
    }

    static Throughput throughput(JsonNode node) {
        return Throughput.of(node.get("ReadCapacityUnits").longValue(), node.get("WriteCapacityUnits").longValue());
    }

    // ---------------------------------------------------------------- custom validation (dynalite's order)

    private static void validate(ObjectNode request) {
        boolean payPerRequest = TableDefinition.PAY_PER_REQUEST.equals(text(request, "BillingMode"));
        JsonNode throughput = request.get("ProvisionedThroughput");
        if (payPerRequest) {
            if (throughput != null) {
                throw Errors.validation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
        } else {
            if (throughput == null) {
                throw Errors.validation(INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
            }
            checkCapacityBounds(throughput, null);
        }

        List<String> definitions = names(request.get("AttributeDefinitions"), "AttributeName");
        JsonNode keySchema = request.get("KeySchema");
        List<String> keys = names(keySchema, "AttributeName");
        if (keys.size() > definitions.size()) {
            throw Errors.validation("Invalid KeySchema: Some index key attribute have no definition");
        }
        checkKeysDefined(keys, definitions);
        checkKeySchema(keySchema);

        JsonNode localIndexes = request.get("LocalSecondaryIndexes");
        JsonNode globalIndexes = request.get("GlobalSecondaryIndexes");
        if (localIndexes == null && globalIndexes == null && keys.size() != definitions.size()) {
            throw Errors.validation(INVALID + "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }

        Set<String> indexNames = new HashSet<>();
        if (localIndexes != null) {
            String tableHash = keys.get(0);
            if (localIndexes.isEmpty()) throw Errors.validation(INVALID + "List of LocalSecondaryIndexes is empty");
            if (keySchema.size() != 2) {
                throw Errors.validation(INVALID + "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
            }
            for (JsonNode index : localIndexes) {
                String indexName = index.get("IndexName").textValue();
                JsonNode indexKeySchema = index.get("KeySchema");
                checkKeysDefined(names(indexKeySchema, "AttributeName"), definitions);
                checkKeySchema(indexKeySchema);
                if (indexKeySchema.size() != 2) {
                    throw Errors.validation(INVALID + "Index KeySchema does not have a range key for index: " + indexName);
                }
                String indexHash = indexKeySchema.get(0).get("AttributeName").textValue();
                if (!indexHash.equals(tableHash)) {
                    throw Errors.validation(INVALID + "Index KeySchema does not have the same leading hash key as table KeySchema for index: "
                            + indexName + ". index hash key: " + indexHash + ", table hash key: " + tableHash);
                }
                checkProjection(index.get("Projection"));
                if (!indexNames.add(indexName)) throw Errors.validation(INVALID + "Duplicate index name: " + indexName);
            }
            if (localIndexes.size() > MAX_LOCAL_INDEXES) {
                throw Errors.validation(INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of " + MAX_LOCAL_INDEXES);
            }
        }
        if (globalIndexes != null) {
            if (globalIndexes.isEmpty()) throw Errors.validation(INVALID + "List of GlobalSecondaryIndexes is empty");
            for (JsonNode index : globalIndexes) {
                String indexName = index.get("IndexName").textValue();
                JsonNode indexKeySchema = index.get("KeySchema");
                checkKeysDefined(names(indexKeySchema, "AttributeName"), definitions);
                checkKeySchema(indexKeySchema);
                checkProjection(index.get("Projection"));
                JsonNode indexThroughput = index.get("ProvisionedThroughput");
                if (payPerRequest && indexThroughput != null) {
                    throw Errors.validation(INVALID + "ProvisionedThroughput should not be specified for index: " + indexName
                            + " when BillingMode is PAY_PER_REQUEST");
                }
                if (!payPerRequest && indexThroughput == null) {
                    throw Errors.validation(INVALID + "ProvisionedThroughput must be specified for index: " + indexName);
                }
                if (indexThroughput != null) checkCapacityBounds(indexThroughput, indexName);
                if (!indexNames.add(indexName)) throw Errors.validation(INVALID + "Duplicate index name: " + indexName);
            }
            if (globalIndexes.size() > MAX_GLOBAL_INDEXES) {
                throw Errors.validation(INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of " + MAX_GLOBAL_INDEXES);
            }
        }
        checkAllDefinitionsUsed(definitions, keys, localIndexes, globalIndexes);
        checkProjectedAttributeTotal(localIndexes, globalIndexes);
        checkStreamSpecification(request.get("StreamSpecification"));
        checkTags(request.get("Tags"));
    }

    /** DynamoDB's ceiling of 10^12 units; {@code indexName} names the index in the message, or null for the table. */
    static void checkCapacityBounds(JsonNode throughput, String indexName) {
        String suffix = indexName == null ? "" : " for index " + indexName;
        for (String units : List.of("ReadCapacityUnits", "WriteCapacityUnits")) {
            BigDecimal value = throughput.get(units).decimalValue();
            if (value.compareTo(BigDecimal.valueOf(MAX_CAPACITY_UNITS)) > 0) {
                throw Errors.validation("Given value " + value.toPlainString() + " for " + units + " is out of bounds" + suffix);
            }
        }
    }

    static void checkKeysDefined(List<String> keys, List<String> definitions) {
        if (!definitions.containsAll(keys)) {
            throw Errors.validation(INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: ["
                    + String.join(", ", keys) + "], AttributeDefinitions: [" + String.join(", ", definitions) + "]");
        }
    }

    static void checkKeySchema(JsonNode keySchema) {
        if (keySchema.size() > 1 && keySchema.get(0).get("AttributeName").textValue()
                .equals(keySchema.get(1).get("AttributeName").textValue())) {
            throw Errors.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        if (!"HASH".equals(keySchema.get(0).get("KeyType").textValue())) {
            throw Errors.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (keySchema.size() > 1 && !"RANGE".equals(keySchema.get(1).get("KeyType").textValue())) {
            throw Errors.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
    }

    static void checkProjection(JsonNode projection) {
        JsonNode type = projection.get("ProjectionType");
        if (type == null) throw Errors.validation(INVALID + "Unknown ProjectionType: null");
        if (projection.get("NonKeyAttributes") != null && !type.textValue().equals("INCLUDE")) {
            throw Errors.validation(INVALID + "ProjectionType is " + type.textValue() + ", but NonKeyAttributes is specified");
        }
    }

    /** With indexes, every attribute definition must still be some key (without them, counts are compared above). */
    private static void checkAllDefinitionsUsed(List<String> definitions, List<String> tableKeys, JsonNode localIndexes,
                                                JsonNode globalIndexes) {
        Set<String> used = new java.util.LinkedHashSet<>(tableKeys);
        for (JsonNode index : iterable(localIndexes)) used.addAll(names(index.get("KeySchema"), "AttributeName"));
        for (JsonNode index : iterable(globalIndexes)) used.addAll(names(index.get("KeySchema"), "AttributeName"));
        if (!used.containsAll(definitions)) {
            throw Errors.validation(INVALID + "Some AttributeDefinitions are not used. AttributeDefinitions: ["
                    + String.join(", ", definitions) + "], keys used: [" + String.join(", ", used) + "]");
        }
    }

    /** "The total count of NonKeyAttributes summed across all of the secondary indexes must not exceed 100." */
    private static void checkProjectedAttributeTotal(JsonNode localIndexes, JsonNode globalIndexes) {
        int total = 0;
        for (JsonNode index : iterable(localIndexes)) total += index.get("Projection").path("NonKeyAttributes").size();
        for (JsonNode index : iterable(globalIndexes)) total += index.get("Projection").path("NonKeyAttributes").size();
        if (total > MAX_PROJECTED_ATTRIBUTES) {
            throw Errors.validation(INVALID + "Number of projected attributes in all indexes exceeds limit of " + MAX_PROJECTED_ATTRIBUTES);
        }
    }

    static void checkStreamSpecification(JsonNode stream) {
        if (stream == null) return;
        boolean enabled = stream.get("StreamEnabled").booleanValue();
        if (enabled && stream.get("StreamViewType") == null) {
            throw Errors.validation(INVALID + "StreamViewType is required when StreamEnabled is true");
        }
        if (!enabled && stream.get("StreamViewType") != null) {
            throw Errors.validation(INVALID + "StreamViewType cannot be specified when StreamEnabled is false");
        }
    }

    static void checkTags(JsonNode tags) {
        if (tags == null) return;
        Set<String> keys = new HashSet<>();
        for (JsonNode tag : tags) keys.add(tag.get("Key").textValue());
        if (keys.size() > Tags.MAX_TAGS) throw tooManyTags();
    }

    /** DynamoDB allows 50 tags per resource; the wording of its error is not documented (local choice). */
    static DynamoException tooManyTags() {
        return Errors.limitExceeded("The number of tags exceeds the limit of " + Tags.MAX_TAGS + " tags per resource.");
    }

    // ---------------------------------------------------------------- helpers

    static List<String> names(JsonNode elements, String field) {
        List<String> names = new ArrayList<>();
        for (JsonNode element : iterable(elements)) names.add(element.get(field).textValue());
        return names;
    }

    static Iterable<JsonNode> iterable(JsonNode node) {
        return node == null ? List.of() : node;
    }

    /** One member of the request's OnDemandThroughput, or {@code otherwise} when not given. */
    static long onDemandMaximum(JsonNode request, String member, long otherwise) {
        JsonNode units = request.path("OnDemandThroughput").get(member);
        return units == null ? otherwise : units.longValue();
    }

    static String text(JsonNode request, String field) {
        JsonNode node = request.get(field);
        return node == null ? null : node.textValue();
    }

    @Override
    public boolean changesTableDefinitions() {
        return true;
    }
}
