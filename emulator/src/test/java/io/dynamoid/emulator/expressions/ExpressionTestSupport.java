package io.dynamoid.emulator.expressions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.AttrValueJson;
import io.dynamoid.emulator.protocol.DynamoException;
import org.junit.jupiter.api.function.Executable;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Builds requests from JSON text and checks ValidationException messages, for the expression unit tests. */
final class ExpressionTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExpressionTestSupport() {
    }

    /** A request from JSON written with single quotes for readability. */
    static ObjectNode request(String json) {
        try {
            return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** An item from JSON written with single quotes, e.g. {@code {'a': {'N': '1'}}}. */
    static Map<String, AttrValue> item(String json) {
        return AttrValueJson.readItem(request(json));
    }

    static Expressions.Compiled compile(String json) {
        return Expressions.compile(request(json));
    }

    static void assertValidation(String message, Executable call) {
        DynamoException e = assertThrows(DynamoException.class, call);
        assertEquals("ValidationException", e.shortType());
        assertEquals(message, e.getMessage());
    }

    static void assertInvalid(String json, String message) {
        assertValidation(message, () -> compile(json));
    }
}
