package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.validation.RequestSpec;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.dynamoid.emulator.validation.Shape.string;

/** TagResource: adds tags to a table (a tag with an existing key replaces its value). */
public final class TagResource implements Operation {
    private static final RequestSpec SPEC = RequestSpec.of()
            .with("ResourceArn", string())
            .with("Tags", Tags.tagList());

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        String arn = Tags.checkArn(request, "TagResource", "Tags");
        JsonNode tags = request.get("Tags");
        if (tags.isEmpty()) throw Errors.validation("Atleast one Tag needs to be provided as Input.");
        // dynalite's misspelling "ResourcArn" copies DynamoDB's.
        Table table = Tags.table(context, arn, "Requested resource not found: ResourcArn: " + arn + " not found");
        synchronized (table) {
            Map<String, String> merged = new LinkedHashMap<>(table.definition().tags());
            for (JsonNode tag : tags) merged.put(tag.get("Key").textValue(), tag.get("Value").textValue());
            if (merged.size() > Tags.MAX_TAGS) throw CreateTable.tooManyTags();
            table.definition(table.definition().withTags(merged));
        }
        return Response.EMPTY;
    }
}
