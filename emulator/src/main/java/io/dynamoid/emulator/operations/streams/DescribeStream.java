package io.dynamoid.emulator.operations.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.operations.Operation;
import io.dynamoid.emulator.operations.RequestContext;
import io.dynamoid.emulator.operations.Response;
import io.dynamoid.emulator.storage.KeyElement;
import io.dynamoid.emulator.streams.DatabaseStreams;
import io.dynamoid.emulator.streams.Shard;
import io.dynamoid.emulator.streams.TableStream;
import io.dynamoid.emulator.validation.RequestSpec;

import java.math.BigDecimal;

import static io.dynamoid.emulator.validation.Shape.integer;
import static io.dynamoid.emulator.validation.Shape.string;

/**
 * DescribeStream: a stream's status, view type, key schema and shards with their sequence number ranges
 * (a closed shard has an ending sequence number). This emulator gives each stream one shard; Limit
 * (1..100) and ExclusiveStartShardId page through the shards as DynamoDB does.
 */
public final class DescribeStream implements Operation {
    private static final RequestSpec SPEC = RequestSpec.of()
            .with("StreamArn", string().required().minLength(37).maxLength(1024))
            .with("Limit", integer().min(1).max(100))
            .with("ExclusiveStartShardId", string().minLength(28).maxLength(65));

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        String arn = StreamArns.check(request.get("StreamArn").textValue(), "StreamArn");
        TableStream stream = DatabaseStreams.of(context.database()).get(context.database(), arn);
        Shard shard = stream.shard();
        JsonNode startNode = request.get("ExclusiveStartShardId");
        // shards are listed in id order: the only shard comes after any id that sorts before it
        boolean showShard = startNode == null || startNode.textValue().compareTo(shard.id()) < 0;
        long ending = shard.endingSequence();
        return g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("StreamDescription");
            g.writeStringField("StreamArn", stream.arn());
            g.writeStringField("StreamLabel", stream.label());
            g.writeStringField("StreamStatus", stream.status());
            g.writeStringField("StreamViewType", stream.viewType());
            g.writeNumberField("CreationRequestDateTime", BigDecimal.valueOf(stream.createdMillis(), 3));
            g.writeStringField("TableName", stream.tableName());
            g.writeArrayFieldStart("KeySchema");
            for (KeyElement key : stream.keySchema().elements()) {
                g.writeStartObject();
                g.writeStringField("AttributeName", key.name());
                g.writeStringField("KeyType", key.keyType());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("Shards");
            if (showShard) {
                g.writeStartObject();
                g.writeStringField("ShardId", shard.id());
                g.writeObjectFieldStart("SequenceNumberRange");
                g.writeStringField("StartingSequenceNumber", DatabaseStreams.sequenceNumber(shard.startingSequence()));
                if (ending >= 0) g.writeStringField("EndingSequenceNumber", DatabaseStreams.sequenceNumber(ending));
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        };
    }
}
