package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.partiql.Statement;
import io.dynamoid.emulator.partiql.StatementRunner;
import io.dynamoid.emulator.partiql.Statements;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.AttrValueJson;
import io.dynamoid.emulator.validation.RequestSpec;

import java.util.Map;

import static io.dynamoid.emulator.validation.Shape.attributeValue;
import static io.dynamoid.emulator.validation.Shape.bool;
import static io.dynamoid.emulator.validation.Shape.integer;
import static io.dynamoid.emulator.validation.Shape.list;
import static io.dynamoid.emulator.validation.Shape.string;

/**
 * ExecuteStatement: one PartiQL statement (SELECT, INSERT, UPDATE, DELETE) with {@code ?} Parameters. A
 * SELECT pages with Limit (items evaluated) and NextToken; reads are always consistent here, so
 * ConsistentRead changes nothing.
 */
public final class ExecuteStatement implements Operation {
    private static final RequestSpec SPEC = RequestSpec.of()
            .with("Statement", string().required().minLength(1).maxLength(8192))
            .with("Parameters", list(attributeValue()).minLength(1))
            .with("ConsistentRead", bool())
            .with("NextToken", string().minLength(1).maxLength(32768))
            .with("ReturnConsumedCapacity", Items.returnConsumedCapacityMember())
            .with("Limit", integer().min(1))
            .with("ReturnValuesOnConditionCheckFailure", Items.returnValuesOnConditionCheckFailureMember());

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        Statement statement = Statements.parse(request);
        JsonNode limit = request.get("Limit");
        JsonNode nextToken = request.get("NextToken");
        JsonNode onFailure = request.get("ReturnValuesOnConditionCheckFailure");
        StatementRunner.Result result = StatementRunner.run(statement, context,
                limit == null ? null : limit.intValue(), nextToken == null ? null : nextToken.textValue(),
                onFailure != null && onFailure.textValue().equals("ALL_OLD"));
        return g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("Items");
            for (Map<String, AttrValue> item : result.items()) AttrValueJson.writeItem(g, item);
            g.writeEndArray();
            if (result.nextToken() != null) g.writeStringField("NextToken", result.nextToken());
            g.writeEndObject();
        };
    }
}
