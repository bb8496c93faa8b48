package io.dynamoid.emulator.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads a JSON document into Jackson's tree model straight from the streaming parser, building the same tree
 * as {@code new ObjectMapper(factory).enable(USE_BIG_DECIMAL_FOR_FLOATS).readTree(bytes)}: integers as
 * int, long or BigInteger nodes by size, other numbers as BigDecimal without trailing zeros, the last of
 * repeated member names winning (in the first one's place), anything after the first value ignored.
 * Why not the ObjectMapper: building one costs a cold JVM a few hundred milliseconds of class loading and
 * initialization (dates, locales, introspection) that request parsing never uses, and start-up is short.
 */
public final class JsonTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTree() {
    }

    /**
     * The document's first value, or null when there is none (empty or blank input). Syntax errors and the
     * factory's read constraints throw as the parser does; a number BigDecimal cannot hold throws
     * NumberFormatException.
     */
    public static JsonNode read(JsonFactory factory, byte[] json) throws IOException {
        try (JsonParser parser = factory.createParser(json)) {
            JsonToken first = parser.nextToken();
            return first == null ? null : value(parser, first);
        }
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                    String name = parser.currentName();
                    object.replace(name, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(value(parser, t));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                switch (parser.getNumberType()) {
                    case INT:
                        return NODES.numberNode(parser.getIntValue());
                    case LONG:
                        return NODES.numberNode(parser.getLongValue());
                    default:
                        return NODES.numberNode(parser.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(stripTrailingZeros(parser.getDecimalValue()));
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IllegalStateException("unexpected JSON token " + token);
        }
    }

    /** As Jackson's tree reader does by default (JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES). */
    private static BigDecimal stripTrailingZeros(BigDecimal value) {
        try {
            return value.stripTrailingZeros();
        } catch (ArithmeticException e) {
            return value; // the scale would overflow: keep it as written
        }
    }
}
