package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.validation.RequestSpec;

import java.util.ArrayList;
import java.util.List;

import static io.dynamoid.emulator.validation.Shape.integer;
import static io.dynamoid.emulator.validation.Shape.string;

/** ListTables: table names in order, at most Limit (1..100) per page, resuming after ExclusiveStartTableName. */
public final class ListTables implements Operation {
    private static final RequestSpec SPEC = RequestSpec.of()
            .with("Limit", integer().min(1).max(100))
            .with("ExclusiveStartTableName", string().regex("[a-zA-Z0-9_.-]+").minLength(3).maxLength(255));

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        JsonNode limitNode = request.get("Limit");
        int limit = limitNode == null ? 100 : limitNode.intValue();
        JsonNode start = request.get("ExclusiveStartTableName");
        var names = start == null
                ? context.database().tables().keySet()
                : context.database().tables().tailMap(start.textValue(), false).keySet();
        List<String> page = new ArrayList<>(Math.min(limit, 16));
        boolean more = false;
        for (String name : names) {
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(name);
        }
        boolean hasMore = more;
        return g -> {
            g.writeStartObject();
            if (hasMore) g.writeStringField("LastEvaluatedTableName", page.get(page.size() - 1));
            g.writeArrayFieldStart("TableNames");
            for (String name : page) g.writeString(name);
            g.writeEndArray();
            g.writeEndObject();
        };
    }
}
