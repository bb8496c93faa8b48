package io.dynamoid.emulator.expressions;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.dynamoid.emulator.expressions.ExpressionTestSupport.assertValidation;
import static io.dynamoid.emulator.expressions.ExpressionTestSupport.item;
import static io.dynamoid.emulator.expressions.ExpressionTestSupport.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Legacy Expected / QueryFilter / KeyConditions: validation messages (dynalite test/putItem.js, test/query.js)
 * and their meaning once converted into the condition tree.
 */
class LegacyConditionsTest {

    private static boolean expected(String expected, String operator, String item) {
        var request = request("{'Expected': " + expected + (operator == null ? "" : ", 'ConditionalOperator': '" + operator + "'") + "}");
        LegacyConditions.checkExpected(request.get("Expected"));
        return LegacyConditions.expected(request.get("Expected"), request.get("ConditionalOperator")).matches(item(item));
    }

    @Test
    void valueMeansEquality() {
        assertTrue(expected("{'a': {'Value': {'S': 'x'}}}", null, "{'a': {'S': 'x'}}"));
        assertFalse(expected("{'a': {'Value': {'S': 'x'}}}", null, "{'a': {'S': 'y'}}"));
    }

    @Test
    void existsFalseMeansAbsent() {
        assertTrue(expected("{'a': {'Exists': false}}", null, "{}"));
        assertFalse(expected("{'a': {'Exists': false}}", null, "{'a': {'S': 'x'}}"));
    }

    @Test
    void comparisonOperators() {
        assertTrue(expected("{'a': {'ComparisonOperator': 'GT', 'AttributeValueList': [{'N': '1'}]}}", null, "{'a': {'N': '2'}}"));
        assertTrue(expected("{'a': {'ComparisonOperator': 'IN', 'AttributeValueList': [{'N': '1'}, {'N': '2'}]}}", null, "{'a': {'N': '2'}}"));
        assertTrue(expected("{'a': {'ComparisonOperator': 'BETWEEN', 'AttributeValueList': [{'N': '1'}, {'N': '3'}]}}", null, "{'a': {'N': '3'}}"));
        assertTrue(expected("{'a': {'ComparisonOperator': 'BEGINS_WITH', 'AttributeValueList': [{'S': 'ab'}]}}", null, "{'a': {'S': 'abc'}}"));
        assertTrue(expected("{'a': {'ComparisonOperator': 'NOT_CONTAINS', 'AttributeValueList': [{'S': 'z'}]}}", null, "{'a': {'SS': ['x']}}"));
        assertTrue(expected("{'a': {'ComparisonOperator': 'NE', 'Value': {'S': 'z'}}}", null, "{}"));
        assertTrue(expected("{'a': {'ComparisonOperator': 'NULL'}}", null, "{}"));
    }

    @Test
    void conditionalOperatorOrNeedsOneMatch() {
        String conditions = "{'a': {'Value': {'S': 'x'}}, 'b': {'Exists': false}}";
        assertFalse(expected(conditions, null, "{'a': {'S': 'x'}, 'b': {'S': 'y'}}"));
        assertTrue(expected(conditions, "OR", "{'a': {'S': 'x'}, 'b': {'S': 'y'}}"));
    }

    @Test
    void wrongNumberOfValues() {
        // dynalite test/putItem.js "should return ValidationException if AttributeValueList is incorrect length: BETWEEN"
        assertValidation("One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN ComparisonOperator",
                () -> expected("{'a': {'ComparisonOperator': 'BETWEEN', 'AttributeValueList': [{'N': '1'}, {'N': '10'}, {'N': '12'}]}}", null, "{}"));
    }

    @Test
    void existsWithComparisonOperator() {
        assertValidation("One or more parameter values were invalid: Exists and ComparisonOperator cannot be used together for Attribute: a",
                () -> expected("{'a': {'Exists': true, 'ComparisonOperator': 'LT'}}", null, "{}"));
    }

    @Test
    void filterTypesPerOperator() {
        // dynalite test/query.js "should return ValidationException for incorrect types in QueryFilter"-style checks
        assertValidation("One or more parameter values were invalid: ComparisonOperator LT is not valid for SS AttributeValue type",
                () -> LegacyConditions.checkConditions(request("{'a': {'ComparisonOperator': 'LT', 'AttributeValueList': [{'SS': ['x']}]}}")));
    }

    @Test
    void betweenBoundsInOrder() {
        assertValidation("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound",
                () -> LegacyConditions.checkConditions(request("{'a': {'ComparisonOperator': 'BETWEEN', 'AttributeValueList': [{'N': '3'}, {'N': '1'}]}}")));
    }

    @Test
    void legacyKeyConditions() {
        Map<String, KeyCondition> conditions = KeyCondition.fromLegacy(request(
                "{'h': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'S': 'x'}]}, 'r': {'ComparisonOperator': 'BEGINS_WITH', 'AttributeValueList': [{'S': 'ab'}]}}"));
        assertEquals("BEGINS_WITH", conditions.get("r").operator());
        assertTrue(conditions.get("r").matches(io.dynamoid.emulator.protocol.AttrValue.s("abc")));
    }
}
