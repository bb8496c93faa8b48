package io.dynamoid.emulator.operations.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.operations.Operation;
import io.dynamoid.emulator.operations.RequestContext;
import io.dynamoid.emulator.operations.Response;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.streams.DatabaseStreams;
import io.dynamoid.emulator.streams.ShardIterator;
import io.dynamoid.emulator.validation.RequestSpec;

import static io.dynamoid.emulator.validation.Shape.string;

/**
 * GetShardIterator: a position in a shard — TRIM_HORIZON (the oldest record kept), LATEST (after the
 * newest), AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER (which need SequenceNumber; the other two refuse
 * it). The iterator is valid for 15 minutes.
 */
public final class GetShardIterator implements Operation {
    private static final RequestSpec SPEC = RequestSpec.of()
            .with("StreamArn", string().required().minLength(37).maxLength(1024))
            .with("ShardId", string().required().minLength(28).maxLength(65))
            .with("ShardIteratorType", string().required()
                    .oneOf("TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER"))
            .with("SequenceNumber", string().minLength(21).maxLength(40));

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        String type = request.get("ShardIteratorType").textValue();
        JsonNode sequenceNode = request.get("SequenceNumber");
        boolean needsSequence = type.endsWith("_SEQUENCE_NUMBER");
        if (needsSequence && sequenceNode == null) {
            throw Errors.validation("SequenceNumber must be provided for ShardIteratorType " + type);
        }
        if (!needsSequence && sequenceNode != null) {
            throw Errors.validation("SequenceNumber must not be provided for ShardIteratorType " + type);
        }
        String arn = StreamArns.check(request.get("StreamArn").textValue(), "StreamArn");
        ShardIterator iterator = DatabaseStreams.of(context.database()).iterator(context.database(), arn,
                request.get("ShardId").textValue(), type, sequenceNode == null ? null : sequenceNode.textValue());
        String encoded = iterator.encode();
        return g -> {
            g.writeStartObject();
            g.writeStringField("ShardIterator", encoded);
            g.writeEndObject();
        };
    }
}
