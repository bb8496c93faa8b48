package io.dynamoid.orm.internal.persistence;

import io.dynamoid.orm.internal.Engine;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.RecordState;
import io.dynamoid.orm.internal.meta.FieldMeta;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Dynamoid's {@code import}: puts many records with BatchWriteItem (batchSize per request, unprocessed items
 * sent again with backoff). No callbacks, no validation, no uniqueness check: an existing item is replaced.
 */
public final class Import {
    private Import() {
    }

    public static void call(Engine engine, ModelMapping mapping, List<?> models, List<RecordState> states) {
        Instant now = Instant.now();
        List<Map<String, AttributeValue>> items = new ArrayList<>(models.size());
        List<WriteRequest> requests = new ArrayList<>(models.size());
        for (Object model : models) {
            FieldMeta hash = mapping.hashKey().meta();
            if (hash.role() == FieldMeta.Role.AUTO_ID && hash.get(model) == null) {
                hash.set(model, UUID.randomUUID().toString());
            }
            if (mapping.timestamps()) {
                for (var f : mapping.fields()) {
                    if (f.meta().isTimestamp() && f.meta().get(model) == null) {
                        f.meta().set(model, now);
                    }
                }
            }
            mapping.keyOf(model);
            Map<String, AttributeValue> item = engine.mapping(model.getClass()).dump(model); // a subclass's own fields and type
            items.add(item);
            requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        engine.beforeWrite(mapping);
        Batches.write(engine, mapping.tableName(), requests);
        for (int i = 0; i < states.size(); i++) {
            states.get(i).persisted(items.get(i), engine);
        }
    }
}
