package io.dynamoid.emulator.operations.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.operations.Operation;
import io.dynamoid.emulator.operations.RequestContext;
import io.dynamoid.emulator.operations.Response;
import io.dynamoid.emulator.streams.DatabaseStreams;
import io.dynamoid.emulator.streams.TableStream;
import io.dynamoid.emulator.validation.RequestSpec;

import java.util.ArrayList;
import java.util.List;

import static io.dynamoid.emulator.validation.Shape.integer;
import static io.dynamoid.emulator.validation.Shape.string;

/**
 * ListStreams: the account's streams (enabled, and disabled ones for 24 hours), optionally of one table,
 * at most Limit (1..100, default 100) per page, resuming after ExclusiveStartStreamArn.
 */
public final class ListStreams implements Operation {
    private static final RequestSpec SPEC = RequestSpec.of()
            .with("TableName", string().minLength(3).maxLength(255).regex("[a-zA-Z0-9_.-]+"))
            .with("Limit", integer().min(1).max(100))
            .with("ExclusiveStartStreamArn", string().minLength(37).maxLength(1024));

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        JsonNode startNode = request.get("ExclusiveStartStreamArn");
        String start = startNode == null ? null : StreamArns.check(startNode.textValue(), "ExclusiveStartStreamArn");
        JsonNode tableNode = request.get("TableName");
        String tableName = tableNode == null ? null : tableNode.textValue();
        JsonNode limitNode = request.get("Limit");
        int limit = limitNode == null ? 100 : limitNode.intValue();

        List<TableStream> page = new ArrayList<>();
        boolean more = false;
        for (TableStream stream : DatabaseStreams.of(context.database()).all(context.database())) {
            if (start != null && stream.arn().compareTo(start) <= 0) continue;
            if (tableName != null && !stream.tableName().equals(tableName)) continue;
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(stream);
        }
        boolean hasMore = more;
        return g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("Streams");
            for (TableStream stream : page) {
                g.writeStartObject();
                g.writeStringField("StreamArn", stream.arn());
                g.writeStringField("TableName", stream.tableName());
                g.writeStringField("StreamLabel", stream.label());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (hasMore) g.writeStringField("LastEvaluatedStreamArn", page.get(page.size() - 1).arn());
            g.writeEndObject();
        };
    }
}
