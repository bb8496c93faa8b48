package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.validation.RequestSpec;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.dynamoid.emulator.validation.Shape.list;
import static io.dynamoid.emulator.validation.Shape.string;

/** UntagResource: removes tags by key; keys the table does not have are ignored. */
public final class UntagResource implements Operation {
    private static final RequestSpec SPEC = RequestSpec.of()
            .with("ResourceArn", string())
            .with("TagKeys", list(string().notNull().minLength(1).maxLength(128)));

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        String arn = Tags.checkArn(request, "UntagResource", "TagKeys");
        JsonNode keys = request.get("TagKeys");
        if (keys.isEmpty()) throw Errors.validation("Atleast one Tag Key needs to be provided as Input.");
        Table table = Tags.table(context, arn, "Requested resource not found");
        synchronized (table) {
            Map<String, String> remaining = new LinkedHashMap<>(table.definition().tags());
            for (JsonNode key : keys) remaining.remove(key.textValue());
            table.definition(table.definition().withTags(remaining));
        }
        return Response.EMPTY;
    }
}
