package io.dynamoid.emulator.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.AttrValueJson;
import io.dynamoid.emulator.protocol.Errors;

import java.util.ArrayList;
import java.util.List;

/** What the PartiQL operations share: reading a statement with its Parameters, telling reads from writes. */
public final class Statements {
    private Statements() {
    }

    /** Parses the {@code Statement} of {@code member} (a request, or an entry of a list) with its Parameters. */
    public static Statement parse(JsonNode member) {
        List<AttrValue> values = new ArrayList<>();
        JsonNode parameters = member.get("Parameters");
        if (parameters != null) for (JsonNode parameter : parameters) values.add(AttrValueJson.read(parameter));
        return Parser.parse(member.get("Statement").textValue(), values);
    }

    /** Whether all statements read (SELECT) or all write; mixed lists are refused, as DynamoDB refuses them. */
    public static boolean allReads(List<Statement> statements, String what) {
        long reads = statements.stream().filter(s -> s instanceof Statement.Select).count();
        if (reads != 0 && reads != statements.size()) {
            throw Errors.validation(what + " must consist of either read statements or write statements");
        }
        return reads != 0;
    }
}
