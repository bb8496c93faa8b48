package io.dynamoid.emulator.expressions;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.dynamoid.emulator.expressions.ExpressionTestSupport.assertInvalid;
import static io.dynamoid.emulator.expressions.ExpressionTestSupport.assertValidation;
import static io.dynamoid.emulator.expressions.ExpressionTestSupport.compile;
import static io.dynamoid.emulator.expressions.ExpressionTestSupport.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ProjectionExpression and KeyConditionExpression; messages from dynalite test/getItem.js and test/query.js. */
class ProjectionAndKeyConditionTest {

    private static Map<String, KeyCondition> keyConditions(String expression, String values) {
        return KeyCondition.fromExpression(compile("{'KeyConditionExpression': '" + expression + "', 'ExpressionAttributeValues': "
                + values + "}").keyCondition());
    }

    @Test
    void projectionKeepsSelectedPaths() {
        Projection projection = compile("{'ProjectionExpression': 'a, m.x, l[2], l[0]'}").projection();
        assertEquals(item("{'a': {'N': '1'}, 'm': {'M': {'x': {'N': '2'}}}, 'l': {'L': [{'N': '10'}, {'N': '12'}]}}"),
                projection.apply(item("{'a': {'N': '1'}, 'b': {'N': '9'}, 'm': {'M': {'x': {'N': '2'}, 'y': {'N': '3'}}}, "
                        + "'l': {'L': [{'N': '10'}, {'N': '11'}, {'N': '12'}]}}")));
    }

    @Test
    void projectionLeavesOutMissingPaths() {
        assertEquals(Map.of(), compile("{'ProjectionExpression': 'z.y'}").projection().apply(item("{'a': {'N': '1'}}")));
    }

    @Test
    void projectionOverlap() {
        assertInvalid("{'ProjectionExpression': 'a, a.b'}",
                "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]");
    }

    @Test
    void projectionReservedWord() {
        assertInvalid("{'ProjectionExpression': 'a, Date'}",
                "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: Date");
    }

    @Test
    void legacyAttributesToGet() {
        assertEquals(item("{'b': {'N': '2'}}"), Projection.ofAttributes(List.of("b", "c")).apply(item("{'a': {'N': '1'}, 'b': {'N': '2'}}")));
    }

    @Test
    void keyConditionsPerAttribute() {
        Map<String, KeyCondition> conditions = keyConditions("h = :h AND r BETWEEN :a AND :b",
                "{':h': {'S': 'x'}, ':a': {'N': '1'}, ':b': {'N': '5'}}");
        assertEquals(List.of("h", "r"), List.copyOf(conditions.keySet()));
        assertEquals("EQ", conditions.get("h").operator());
        assertEquals("BETWEEN", conditions.get("r").operator());
        assertTrue(conditions.get("r").matches(io.dynamoid.emulator.protocol.AttrValue.n("5")));
        assertFalse(conditions.get("r").matches(io.dynamoid.emulator.protocol.AttrValue.n("6")));
    }

    @Test
    void valueFirstComparisonIsMirrored() {
        assertEquals("GT", keyConditions("h = :h AND :r < r", "{':h': {'S': 'x'}, ':r': {'N': '1'}}").get("r").operator());
    }

    @Test
    void keyConditionRefusesOr() {
        // dynalite test/query.js "should return ValidationException for invalid operators in KeyConditionExpression"
        assertValidation("Invalid operator used in KeyConditionExpression: OR",
                () -> keyConditions("a = :a OR b = :a", "{':a': {'S': 'x'}}"));
    }

    @Test
    void keyConditionRefusesFunctionsOtherThanBeginsWith() {
        assertValidation("Invalid operator used in KeyConditionExpression: attribute_exists",
                () -> keyConditions("a = :a AND attribute_exists(b)", "{':a': {'S': 'x'}}"));
    }

    @Test
    void keyConditionRefusesTwoConditionsOnOneKey() {
        assertValidation("KeyConditionExpressions must only contain one condition per key",
                () -> keyConditions("a = :a AND a = :a", "{':a': {'S': 'x'}}"));
    }

    @Test
    void keyConditionRefusesNestedAttributes() {
        assertValidation("KeyConditionExpressions cannot have conditions on nested attributes",
                () -> keyConditions("a.b = :a", "{':a': {'S': 'x'}}"));
    }

    @Test
    void keyConditionNeedsAnAttribute() {
        assertValidation("Invalid condition in KeyConditionExpression: No key attribute specified",
                () -> keyConditions(":a = :a", "{':a': {'S': 'x'}}"));
    }
}
