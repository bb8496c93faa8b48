package io.dynamoid.emulator.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * JsonTree replaced {@code ObjectMapper.readTree} (with USE_BIG_DECIMAL_FOR_FLOATS) at the HTTP edge: it must
 * build the very same tree, down to each number node's class and BigDecimal scale.
 */
class JsonTreeTest {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build()).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(JSON).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static void assertSameTree(String json) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        JsonNode expected = MAPPER.readTree(bytes);
        JsonNode actual = JsonTree.read(JSON, bytes);
        assertIdentical(expected, actual, json);
    }

    /** Equal, and every node of the same class (JsonNode.equals alone lets an IntNode equal a LongNode). */
    private static void assertIdentical(JsonNode expected, JsonNode actual, String json) {
        assertEquals(expected, actual, json);
        assertEquals(expected.getClass(), actual.getClass(), json);
        assertEquals(expected.toString(), actual.toString(), json);
        if (expected.isNumber()) assertEquals(expected.numberValue(), actual.numberValue(), json);
        Iterator<Map.Entry<String, JsonNode>> fields = actual.fields();
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) expected::fields) {
            Map.Entry<String, JsonNode> other = fields.next();
            assertEquals(field.getKey(), other.getKey(), json);
            assertIdentical(field.getValue(), other.getValue(), json);
        }
        for (int i = 0; expected.isArray() && i < expected.size(); i++) assertIdentical(expected.get(i), actual.get(i), json);
    }

    @Test
    void buildsTheObjectMappersTreeForEveryKindOfValue() throws Exception {
        for (String json : List.of("{}", "[]", "{\"TableName\":\"t\",\"Limit\":10,\"ConsistentRead\":true}",
                "{\"a\":null,\"b\":false,\"c\":[1,\"x\",{\"d\":[]}],\"e\":{\"f\":{\"g\":\"h\"}}}",
                "\"text\"", "42", "true", "null", "{\"s\":\"\\u00e9\\ud83d\\ude00\\n\"}")) {
            assertSameTree(json);
        }
    }

    @Test
    void keepsNumbersAsTheObjectMapperDoes() throws Exception {
        for (String number : List.of("0", "-0", "7", "-2147483648", "2147483647", "2147483648", "-9223372036854775808",
                "9223372036854775807", "9223372036854775808", "123456789012345678901234567890", "0.0", "-0.0", "1.50",
                "10.0", "100", "1e2", "1E+2", "1.0e-5", "12.3400", "1e400", "-1e-400", "3.141592653589793238462643383279")) {
            assertSameTree("{\"n\":" + number + ",\"l\":[" + number + "]}");
        }
    }

    @Test
    void letsTheLastOfRepeatedNamesWinInTheFirstOnesPlace() throws Exception {
        assertSameTree("{\"a\":1,\"b\":2,\"a\":{\"x\":3}}");
    }

    @Test
    void ignoresWhatFollowsTheFirstValue() throws Exception {
        assertSameTree("{\"a\":1} {\"b\":2}");
        assertSameTree("{\"a\":1} trailing");
    }

    @Test
    void answersNullForBlankInput() throws Exception {
        assertNull(JsonTree.read(JSON, "  \n ".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void failsWhereTheObjectMapperFails() {
        for (String bad : List.of("{", "{\"a\":}", "[1,]", "{\"a\" 1}", "nul", "{'a':1}", "[".repeat(300))) {
            byte[] bytes = bad.getBytes(StandardCharsets.UTF_8);
            assertThrows(JsonProcessingException.class, () -> MAPPER.readTree(bytes), bad);
            assertThrows(JsonProcessingException.class, () -> JsonTree.read(JSON, bytes), bad);
        }
    }

    @Test
    void buildsTheObjectMappersTreeForRandomDocuments() throws Exception {
        Random random = new Random(12);
        for (int i = 0; i < 500; i++) assertSameTree(randomValue(random, 0));
    }

    private static String randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 5 ? 5 : 8);
        switch (kind) {
            case 0: return "\"s" + random.nextInt(100) + "\"";
            case 1: return Long.toString(random.nextLong() >> random.nextInt(64));
            case 2: return random.nextInt(2000) - 1000 + "." + "0".repeat(random.nextInt(3)) + random.nextInt(100) + "0".repeat(random.nextInt(3));
            case 3: return random.nextBoolean() ? "true" : "false";
            case 4: return "null";
            case 5: {
                List<String> members = new ArrayList<>();
                for (int m = random.nextInt(5); m > 0; m--) members.add("\"k" + random.nextInt(4) + "\":" + randomValue(random, depth + 1));
                return "{" + String.join(",", members) + "}";
            }
            default: {
                List<String> elements = new ArrayList<>();
                for (int m = random.nextInt(5); m > 0; m--) elements.add(randomValue(random, depth + 1));
                return "[" + String.join(",", elements) + "]";
            }
        }
    }
}
