package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.partiql.Statement;
import io.dynamoid.emulator.partiql.StatementRunner;
import io.dynamoid.emulator.partiql.Statements;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.AttrValueJson;
import io.dynamoid.emulator.protocol.DynamoException;
import io.dynamoid.emulator.validation.RequestSpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.dynamoid.emulator.validation.Shape.attributeValue;
import static io.dynamoid.emulator.validation.Shape.bool;
import static io.dynamoid.emulator.validation.Shape.list;
import static io.dynamoid.emulator.validation.Shape.string;
import static io.dynamoid.emulator.validation.Shape.valueStruct;

/**
 * BatchExecuteStatement: up to 25 statements, all reads (SELECTs naming one item by its whole key) or all
 * writes, each run on its own. A statement that fails does not fail the others: its response carries an
 * Error with the code a BatchStatementError names (ConditionalCheckFailed, DuplicateItem, ValidationError,
 * ResourceNotFound...).
 */
public final class BatchExecuteStatement implements Operation {
    private static final RequestSpec SPEC = RequestSpec.of()
            .with("Statements", list(valueStruct("BatchStatementRequest")
                    .with("Statement", string().notNull().minLength(1).maxLength(8192))
                    .with("Parameters", list(attributeValue()).minLength(1))
                    .with("ConsistentRead", bool())
                    .with("ReturnValuesOnConditionCheckFailure", Items.returnValuesOnConditionCheckFailureMember()))
                    .notNull().minLength(1).maxLength(25))
            .with("ReturnConsumedCapacity", Items.returnConsumedCapacityMember());

    /** One statement's outcome: the item read (reads), or the error, and the table when known. */
    private record Outcome(String tableName, Map<String, AttrValue> item, DynamoException error) {
    }

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        List<Statement> parsed = new ArrayList<>();
        List<DynamoException> parseErrors = new ArrayList<>();
        for (JsonNode member : request.get("Statements")) {
            try {
                parsed.add(Statements.parse(member));
                parseErrors.add(null);
            } catch (DynamoException e) {
                parsed.add(null);
                parseErrors.add(e);
            }
        }
        Statements.allReads(parsed.stream().filter(s -> s != null).toList(), "The entire batch");
        List<Outcome> outcomes = new ArrayList<>(parsed.size());
        for (int i = 0; i < parsed.size(); i++) {
            Statement statement = parsed.get(i);
            if (statement == null) {
                outcomes.add(new Outcome(null, null, parseErrors.get(i)));
                continue;
            }
            try {
                if (statement instanceof Statement.Select select) {
                    outcomes.add(new Outcome(statement.table(), StatementRunner.readItem(select, context), null));
                } else {
                    StatementRunner.apply(StatementRunner.plan(statement, context));
                    outcomes.add(new Outcome(statement.table(), null, null));
                }
            } catch (DynamoException e) {
                outcomes.add(new Outcome(statement.table(), null, e));
            }
        }
        return g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("Responses");
            for (Outcome outcome : outcomes) writeOutcome(g, outcome);
            g.writeEndArray();
            g.writeEndObject();
        };
    }

    private static void writeOutcome(JsonGenerator g, Outcome outcome) throws IOException {
        g.writeStartObject();
        if (outcome.error() != null) {
            g.writeObjectFieldStart("Error");
            g.writeStringField("Code", errorCode(outcome.error()));
            if (outcome.error().getMessage() != null) g.writeStringField("Message", outcome.error().getMessage());
            g.writeEndObject();
        }
        if (outcome.tableName() != null) g.writeStringField("TableName", outcome.tableName());
        if (outcome.item() != null) {
            g.writeFieldName("Item");
            AttrValueJson.writeItem(g, outcome.item());
        }
        g.writeEndObject();
    }

    /** The BatchStatementErrorCodeEnum value for an error: its type without "Exception", ValidationError for validation. */
    private static String errorCode(DynamoException e) {
        String type = e.shortType();
        if (type.equals("ValidationException")) return "ValidationError";
        return type.endsWith("Exception") ? type.substring(0, type.length() - "Exception".length()) : type;
    }
}
