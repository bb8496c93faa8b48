package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.validation.RequestSpec;

import java.util.Map;

import static io.dynamoid.emulator.validation.Shape.string;

/** ListTagsOfResource: a table's tags in one page (at most 50 exist, so NextToken is never needed). */
public final class ListTagsOfResource implements Operation {
    private static final RequestSpec SPEC = RequestSpec.of()
            .with("ResourceArn", string())
            .with("NextToken", string());

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        String arn = Tags.checkArn(request, "ListTagsOfResource", null);
        Table table = Tags.table(context, arn, "Requested resource not found: ResourcArn: " + arn + " not found");
        Map<String, String> tags = table.definition().tags();
        return g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("Tags");
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                g.writeStartObject();
                g.writeStringField("Key", tag.getKey());
                g.writeStringField("Value", tag.getValue());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        };
    }
}
