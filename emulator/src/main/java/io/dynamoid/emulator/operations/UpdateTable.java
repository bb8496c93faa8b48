package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.storage.IndexDefinition;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.storage.TableDefinition;
import io.dynamoid.emulator.storage.Throughput;
import io.dynamoid.emulator.validation.RequestSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.dynamoid.emulator.operations.CreateTable.INVALID;
import static io.dynamoid.emulator.operations.CreateTable.iterable;
import static io.dynamoid.emulator.operations.CreateTable.text;
import static io.dynamoid.emulator.validation.Shape.bool;
import static io.dynamoid.emulator.validation.Shape.fieldStruct;
import static io.dynamoid.emulator.validation.Shape.list;
import static io.dynamoid.emulator.validation.Shape.valueStruct;

/**
 * UpdateTable: throughput, billing mode, streams, table class, deletion protection and global secondary
 * indexes. Changes take effect at once (a local choice); the response shows the table as DynamoDB does
 * while the change is in progress (UPDATING, the old throughput, new indexes CREATING, dropped ones DELETING).
 */
public final class UpdateTable implements Operation {
    private static final RequestSpec SPEC = RequestSpec.of()
            .with("AttributeDefinitions", TableShapes.attributeDefinitions())
            .with("TableName", TableShapes.tableName())
            .with("ProvisionedThroughput", TableShapes.throughput())
            .with("BillingMode", TableShapes.billingMode())
            .with("GlobalSecondaryIndexUpdates", list(valueStruct("GlobalSecondaryIndexUpdate").notNull()
                    .with("Update", fieldStruct("UpdateGlobalSecondaryIndexAction")
                            .with("IndexName", TableShapes.indexName())
                            .with("ProvisionedThroughput", TableShapes.throughput().notNull()))
                    .with("Create", fieldStruct("CreateGlobalSecondaryIndexAction")
                            .with("Projection", TableShapes.projection())
                            .with("IndexName", TableShapes.indexName())
                            .with("ProvisionedThroughput", TableShapes.throughput())
                            .with("KeySchema", TableShapes.keySchema(false)))
                    .with("Delete", fieldStruct("DeleteGlobalSecondaryIndexAction")
                            .with("IndexName", TableShapes.indexName()))))
            .with("StreamSpecification", TableShapes.streamSpecification())
            .with("SSESpecification", TableShapes.sseSpecification())
            .with("OnDemandThroughput", TableShapes.onDemandThroughput())
            .with("TableClass", TableShapes.tableClass())
            .with("DeletionProtectionEnabled", bool());

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        validate(request);
        Table table = TableNames.existing(request, context);
        synchronized (table) {
            TableDefinition before = table.definition();
            Change change = new Change(before, request, System.currentTimeMillis());
            table.definition(change.stored());
            table.indexes().follow(before, change.stored());
            return TableDescriptions.response("TableDescription", change.shown(), table);
        }
    }

    // ---------------------------------------------------------------- request-only validation (dynalite's order)

    private static void validate(ObjectNode request) {
        JsonNode indexUpdates = request.get("GlobalSecondaryIndexUpdates");
        boolean anyChange = request.has("ProvisionedThroughput") || request.has("BillingMode")
                || request.has("StreamSpecification") || (indexUpdates != null && !indexUpdates.isEmpty())
                || request.has("SSESpecification") || request.has("OnDemandThroughput")
                || request.has("TableClass") || request.has("DeletionProtectionEnabled");
        if (!anyChange) {
            throw Errors.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                    + "GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }
        if (TableDefinition.PROVISIONED.equals(text(request, "BillingMode")) && !request.has("ProvisionedThroughput")) {
            throw Errors.validation(INVALID + "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
        }
        if (request.has("ProvisionedThroughput")) CreateTable.checkCapacityBounds(request.get("ProvisionedThroughput"), null);
        Set<String> indexNames = new HashSet<>();
        for (JsonNode update : iterable(indexUpdates)) {
            JsonNode action = action(update);
            if (action == null) {
                throw Errors.validation(INVALID + "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, "
                        + "GlobalSecondaryIndexUpdate.Delete must not be null");
            }
            String indexName = action.get("IndexName").textValue();
            if (!indexNames.add(indexName)) {
                throw Errors.validation(INVALID + "Only one global secondary index update per index is allowed simultaneously. Index: " + indexName);
            }
            JsonNode throughput = action.get("ProvisionedThroughput");
            if (throughput != null) CreateTable.checkCapacityBounds(throughput, indexName);
        }
        CreateTable.checkStreamSpecification(request.get("StreamSpecification"));
    }

    private static JsonNode action(JsonNode update) {
        if (update.has("Update")) return update.get("Update");
        if (update.has("Create")) return update.get("Create");
        return update.get("Delete");
    }

    /**
     * One UpdateTable applied to a definition: {@link #stored()} is the table from now on, {@link #shown()} the
     * description the response carries. Checks that need the table run here, before anything is stored.
     */
    private static final class Change {
        private final TableDefinition current;
        private final ObjectNode request;
        private final long now;
        private final TableDefinition.Builder stored;
        private final TableDefinition.Builder shown;
        private boolean updating;

        Change(TableDefinition current, ObjectNode request, long now) {
            this.current = current;
            this.request = request;
            this.now = now;
            this.stored = current.toBuilder();
            this.shown = current.toBuilder();
            String billingMode = text(request, "BillingMode");
            String newMode = billingMode == null ? current.billingMode() : billingMode;
            if (request.has("ProvisionedThroughput") && TableDefinition.PAY_PER_REQUEST.equals(newMode)) {
                throw Errors.validation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
            List<IndexDefinition> indexes = new ArrayList<>(current.globalIndexes());
            List<IndexDefinition> shownIndexes = new ArrayList<>(current.globalIndexes());
            applyIndexUpdates(indexes, shownIndexes, newMode);
            applyBillingAndThroughput(newMode, indexes, shownIndexes);
            stored.globalIndexes(indexes);
            shown.globalIndexes(shownIndexes);
            applyStream();
            if (request.has("SSESpecification")) {
                String keyArn = ServerSideEncryption.kmsKeyArn(request.get("SSESpecification"), current.arn());
                stored.sseKmsKeyArn(keyArn);
                shown.sseKmsKeyArn(keyArn);
                updating = true;
            }
            if (request.has("OnDemandThroughput")) {
                long read = CreateTable.onDemandMaximum(request, "MaxReadRequestUnits", current.onDemandMaxRead());
                long write = CreateTable.onDemandMaximum(request, "MaxWriteRequestUnits", current.onDemandMaxWrite());
                stored.onDemandMaximum(read, write);
                shown.onDemandMaximum(read, write);
                updating = true;
            }
            if (request.has("TableClass")) {
                stored.tableClass(text(request, "TableClass"));
                shown.tableClass(text(request, "TableClass"));
                updating = true;
            }
            if (request.has("DeletionProtectionEnabled")) {
                boolean protection = request.get("DeletionProtectionEnabled").booleanValue();
                stored.deletionProtection(protection);
                shown.deletionProtection(protection);
            }
            shown.status(updating ? TableDescriptions.UPDATING : current.status());
        }

        TableDefinition stored() {
            return stored.build();
        }

        TableDefinition shown() {
            return shown.build();
        }

        private void applyBillingAndThroughput(String newMode, List<IndexDefinition> indexes, List<IndexDefinition> shownIndexes) {
            boolean toOnDemand = TableDefinition.PAY_PER_REQUEST.equals(newMode) && !current.payPerRequest();
            boolean toProvisioned = TableDefinition.PROVISIONED.equals(newMode) && current.payPerRequest();
            if (toProvisioned) {
                List<String> missing = new ArrayList<>();
                for (IndexDefinition index : indexes) {
                    if (!hasThroughputUpdate(index.name())) missing.add(index.name());
                }
                if (!missing.isEmpty()) {
                    throw Errors.validation(INVALID + "ProvisionedThroughput must be specified for index: " + String.join(",", missing));
                }
            }
            JsonNode requested = request.get("ProvisionedThroughput");
            if (requested != null) {
                Throughput from = current.throughput();
                Throughput to = CreateTable.throughput(requested);
                if (!toProvisioned && to.readCapacityUnits() == from.readCapacityUnits() && to.writeCapacityUnits() == from.writeCapacityUnits()) {
                    throw Errors.validation("The provisioned throughput for the table will not change. The requested value equals the current value. "
                            + "Current ReadCapacityUnits provisioned for the table: " + from.readCapacityUnits()
                            + ". Requested ReadCapacityUnits: " + to.readCapacityUnits() + ". "
                            + "Current WriteCapacityUnits provisioned for the table: " + from.writeCapacityUnits()
                            + ". Requested WriteCapacityUnits: " + to.writeCapacityUnits() + ". "
                            + "Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
                }
                Throughput changed = changeThroughput(from, to);
                stored.throughput(changed);
                // While UPDATING, DynamoDB still shows the old units next to the new change times.
                shown.throughput(new Throughput(toProvisioned ? to.readCapacityUnits() : from.readCapacityUnits(),
                        toProvisioned ? to.writeCapacityUnits() : from.writeCapacityUnits(),
                        changed.lastIncrease(), changed.lastDecrease(), TableDescriptions.decreasesToday(from, now)));
                updating = true;
            }
            if (toOnDemand) {
                Throughput from = current.throughput();
                Throughput zero = new Throughput(0, 0, from.lastIncrease(), from.lastDecrease(), from.decreasesToday());
                stored.billingMode(TableDefinition.PAY_PER_REQUEST, now).throughput(zero);
                shown.billingMode(TableDefinition.PAY_PER_REQUEST, now).throughput(zero);
                for (int i = 0; i < indexes.size(); i++) {
                    indexes.set(i, indexes.get(i).withThroughput(zeroed(indexes.get(i).throughput())));
                    shownIndexes.set(i, shownIndexes.get(i).withThroughput(zeroed(shownIndexes.get(i).throughput()))
                            .withStatus(TableDescriptions.UPDATING));
                }
                updating = true;
            } else if (toProvisioned) {
                stored.billingMode(TableDefinition.PROVISIONED, current.billingModeUpdatedAtMillis());
                shown.billingMode(TableDefinition.PROVISIONED, current.billingModeUpdatedAtMillis());
            }
        }

        private static Throughput zeroed(Throughput t) {
            Throughput from = t == null ? Throughput.ON_DEMAND : t;
            return new Throughput(0, 0, from.lastIncrease(), from.lastDecrease(), from.decreasesToday());
        }

        private boolean hasThroughputUpdate(String indexName) {
            for (JsonNode update : iterable(request.get("GlobalSecondaryIndexUpdates"))) {
                JsonNode action = update.get("Update");
                if (action != null && action.get("IndexName").textValue().equals(indexName)) return true;
            }
            return false;
        }

        /** New units with DynamoDB's bookkeeping: when they last went up or down, and how often down today. */
        private Throughput changeThroughput(Throughput from, Throughput to) {
            boolean increase = to.readCapacityUnits() > from.readCapacityUnits() || to.writeCapacityUnits() > from.writeCapacityUnits();
            boolean decrease = to.readCapacityUnits() < from.readCapacityUnits() || to.writeCapacityUnits() < from.writeCapacityUnits();
            long decreases = TableDescriptions.decreasesToday(from, now) + (decrease ? 1 : 0);
            return new Throughput(to.readCapacityUnits(), to.writeCapacityUnits(),
                    increase ? now : from.lastIncrease(), decrease ? now : from.lastDecrease(), decreases);
        }

        private void applyIndexUpdates(List<IndexDefinition> indexes, List<IndexDefinition> shownIndexes, String newMode) {
            JsonNode updates = request.get("GlobalSecondaryIndexUpdates");
            if (updates == null || updates.isEmpty()) return;
            int createsAndDeletes = 0;
            for (JsonNode update : updates) if (!update.has("Update")) createsAndDeletes++;
            if (createsAndDeletes > 1) {
                throw Errors.limitExceeded("Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
            }
            for (JsonNode update : updates) {
                if (update.has("Update")) updateIndex(update.get("Update"), indexes, shownIndexes, newMode);
                else if (update.has("Create")) createIndex(update.get("Create"), indexes, shownIndexes, newMode);
                else deleteIndex(update.get("Delete"), indexes, shownIndexes);
            }
            updating = true;
        }

        private int position(List<IndexDefinition> indexes, String name) {
            for (int i = 0; i < indexes.size(); i++) if (indexes.get(i).name().equals(name)) return i;
            return -1;
        }

        private void updateIndex(JsonNode action, List<IndexDefinition> indexes, List<IndexDefinition> shownIndexes, String newMode) {
            String name = action.get("IndexName").textValue();
            int at = position(indexes, name);
            if (at < 0) throw Errors.resourceNotFound("Requested resource not found: Index: " + name + " not found");
            if (TableDefinition.PAY_PER_REQUEST.equals(newMode)) {
                throw Errors.validation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
            Throughput from = indexes.get(at).throughput();
            Throughput to = CreateTable.throughput(action.get("ProvisionedThroughput"));
            Throughput changed = changeThroughput(from, to);
            indexes.set(at, indexes.get(at).withThroughput(changed));
            shownIndexes.set(at, shownIndexes.get(at).withStatus(TableDescriptions.UPDATING).withThroughput(
                    new Throughput(from.readCapacityUnits(), from.writeCapacityUnits(), changed.lastIncrease(),
                            changed.lastDecrease(), from.decreasesToday())));
        }

        /** Adds the index's definition, ACTIVE at once (execute then backfills it from the table's items). */
        private void createIndex(JsonNode action, List<IndexDefinition> indexes, List<IndexDefinition> shownIndexes, String newMode) {
            String name = action.get("IndexName").textValue();
            if (current.index(name) != null) {
                throw Errors.validation(INVALID + "Index already exists: " + name);
            }
            Map<String, String> attributes = mergedAttributeDefinitions();
            JsonNode keySchema = action.get("KeySchema");
            CreateTable.checkKeysDefined(CreateTable.names(keySchema, "AttributeName"), new ArrayList<>(attributes.keySet()));
            CreateTable.checkKeySchema(keySchema);
            CreateTable.checkProjection(action.get("Projection"));
            boolean onDemand = TableDefinition.PAY_PER_REQUEST.equals(newMode);
            JsonNode throughput = action.get("ProvisionedThroughput");
            if (onDemand && throughput != null) {
                throw Errors.validation(INVALID + "ProvisionedThroughput should not be specified for index: " + name
                        + " when BillingMode is PAY_PER_REQUEST");
            }
            if (!onDemand && throughput == null) {
                throw Errors.validation(INVALID + "ProvisionedThroughput must be specified for index: " + name);
            }
            if (indexes.size() + 1 > CreateTable.MAX_GLOBAL_INDEXES) {
                throw Errors.validation(INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of " + CreateTable.MAX_GLOBAL_INDEXES);
            }
            IndexDefinition index = CreateTable.index(action, true, attributes, current.arn(),
                    onDemand ? Throughput.ON_DEMAND : CreateTable.throughput(throughput));
            indexes.add(index);
            shownIndexes.add(index.withStatus(TableDescriptions.CREATING));
            stored.attributeDefinitions(usedAttributes(attributes, indexes));
            shown.attributeDefinitions(usedAttributes(attributes, indexes));
        }

        private void deleteIndex(JsonNode action, List<IndexDefinition> indexes, List<IndexDefinition> shownIndexes) {
            String name = action.get("IndexName").textValue();
            int at = position(indexes, name);
            if (at < 0) throw Errors.resourceNotFound("Requested resource not found: Index: " + name + " not found");
            shownIndexes.set(at, shownIndexes.get(at).withStatus(TableDescriptions.DELETING));
            indexes.remove(at);
            stored.attributeDefinitions(usedAttributes(current.attributeDefinitions(), indexes));
        }

        /** The table's attribute definitions plus those the request adds (for a new index's keys). */
        private Map<String, String> mergedAttributeDefinitions() {
            Map<String, String> merged = new LinkedHashMap<>(current.attributeDefinitions());
            for (JsonNode a : iterable(request.get("AttributeDefinitions"))) {
                merged.putIfAbsent(a.get("AttributeName").textValue(), a.get("AttributeType").textValue());
            }
            return merged;
        }

        /** DynamoDB keeps only the definitions some key still uses. */
        private Map<String, String> usedAttributes(Map<String, String> attributes, List<IndexDefinition> globals) {
            Set<String> used = new LinkedHashSet<>();
            current.keySchema().elements().forEach(e -> used.add(e.name()));
            current.localIndexes().forEach(i -> i.keySchema().elements().forEach(e -> used.add(e.name())));
            globals.forEach(i -> i.keySchema().elements().forEach(e -> used.add(e.name())));
            Map<String, String> kept = new LinkedHashMap<>();
            attributes.forEach((name, type) -> {
                if (used.contains(name)) kept.put(name, type);
            });
            return kept;
        }

        private void applyStream() {
            JsonNode stream = request.get("StreamSpecification");
            if (stream == null) return;
            boolean enable = stream.get("StreamEnabled").booleanValue();
            if (enable && current.streamEnabled()) {
                throw Errors.validation("Table already has an enabled stream: TableName: " + current.name());
            }
            if (!enable && !current.streamEnabled()) {
                throw Errors.validation("Table does not have a stream enabled: TableName: " + current.name());
            }
            String viewType = enable ? stream.get("StreamViewType").textValue() : null;
            String label = enable ? TableDescriptions.streamLabel(now) : current.streamLabel();
            stored.stream(enable, viewType, label);
            shown.stream(enable, viewType, label);
            updating = true;
        }
    }

    @Override
    public boolean changesTableDefinitions() {
        return true;
    }
}
