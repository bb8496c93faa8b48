package io.dynamoid.emulator.operations.streams;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.operations.Operation;
import io.dynamoid.emulator.operations.RequestContext;
import io.dynamoid.emulator.operations.Response;
import io.dynamoid.emulator.protocol.AttrValueJson;
import io.dynamoid.emulator.streams.DatabaseStreams;
import io.dynamoid.emulator.streams.ShardIterator;
import io.dynamoid.emulator.streams.StreamRecord;
import io.dynamoid.emulator.validation.RequestSpec;

import java.io.IOException;
import java.math.BigDecimal;

import static io.dynamoid.emulator.validation.Shape.integer;
import static io.dynamoid.emulator.validation.Shape.string;

/**
 * GetRecords: up to Limit (1..1000, default 1000) records from where the iterator points, at most 1 MB,
 * and the iterator to continue with — absent once a closed shard has been read to its end.
 */
public final class GetRecords implements Operation {
    private static final RequestSpec SPEC = RequestSpec.of()
            .with("ShardIterator", string().required().minLength(1).maxLength(2048))
            .with("Limit", integer().min(1).max(1000));

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        ShardIterator iterator = ShardIterator.decode(request.get("ShardIterator").textValue());
        JsonNode limitNode = request.get("Limit");
        int limit = limitNode == null ? 1000 : limitNode.intValue();
        DatabaseStreams streams = DatabaseStreams.of(context.database());
        DatabaseStreams.Page page = streams.read(context.database(), iterator, limit);
        String region = streams.region();
        return g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("Records");
            for (StreamRecord record : page.records()) writeRecord(g, record, region);
            g.writeEndArray();
            if (page.next() != null) g.writeStringField("NextShardIterator", page.next().encode());
            g.writeEndObject();
        };
    }

    private static void writeRecord(JsonGenerator g, StreamRecord record, String region) throws IOException {
        g.writeStartObject();
        g.writeStringField("eventID", record.eventId());
        g.writeStringField("eventName", record.eventName());
        g.writeStringField("eventVersion", "1.1");
        g.writeStringField("eventSource", "aws:dynamodb");
        g.writeStringField("awsRegion", region);
        g.writeObjectFieldStart("dynamodb");
        // whole seconds: DynamoDB Streams rounds the creation time down to the second
        g.writeNumberField("ApproximateCreationDateTime", BigDecimal.valueOf(record.createdMillis() / 1000));
        g.writeFieldName("Keys");
        AttrValueJson.writeItem(g, record.keys());
        if (record.newImage() != null) {
            g.writeFieldName("NewImage");
            AttrValueJson.writeItem(g, record.newImage());
        }
        if (record.oldImage() != null) {
            g.writeFieldName("OldImage");
            AttrValueJson.writeItem(g, record.oldImage());
        }
        g.writeStringField("SequenceNumber", DatabaseStreams.sequenceNumber(record.sequence()));
        g.writeNumberField("SizeBytes", record.sizeBytes());
        g.writeStringField("StreamViewType", record.viewType());
        g.writeEndObject();
        if (record.ttlExpiry()) {
            g.writeObjectFieldStart("userIdentity");
            g.writeStringField("PrincipalId", "dynamodb.amazonaws.com");
            g.writeStringField("Type", "Service");
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
