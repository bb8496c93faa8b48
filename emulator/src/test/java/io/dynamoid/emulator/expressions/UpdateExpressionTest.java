package io.dynamoid.emulator.expressions;

import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.DynamoException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.dynamoid.emulator.expressions.ExpressionTestSupport.assertInvalid;
import static io.dynamoid.emulator.expressions.ExpressionTestSupport.assertValidation;
import static io.dynamoid.emulator.expressions.ExpressionTestSupport.compile;
import static io.dynamoid.emulator.expressions.ExpressionTestSupport.item;
import static io.dynamoid.emulator.expressions.ExpressionTestSupport.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * UpdateExpression grammar, validation and application. Messages as pinned by dynalite's
 * test/updateItem.js (validation and functionality sections), which was checked against DynamoDB.
 */
class UpdateExpressionTest {

    private static Map<String, AttrValue> apply(String update, String values, String before) {
        String request = "{'UpdateExpression': '" + update + "'"
                + (values == null ? "" : ", 'ExpressionAttributeValues': " + values) + "}";
        return compile(request).update().apply(before == null ? null : item(before), Map.of());
    }

    // ---------------------------------------------------------------- validation

    @Test
    void emptyExpression() {
        assertInvalid("{'UpdateExpression': ''}", "Invalid UpdateExpression: The expression can not be empty;");
    }

    @Test
    void syntaxError() {
        assertInvalid("{'UpdateExpression': 'set a'}", "Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"a\"");
    }

    @Test
    void dynaliteSyntaxErrorCasesAreSyntaxErrors() {
        // dynalite test/updateItem.js "should return ValidationException for syntax errors in UpdateExpression"
        List<String> expressions = List.of("whatever", "set a", "add a", "delete a", "set a=set", "remove a = b", "add a = b",
                "delete a = b", "delete a b", "delete a if_not_exist(b)", "add abort b", "add a if_not_exist(b)", "remove a b",
                "set a b", "set :a = b", "add :a b", "delete :a b", "remove :a", "set a = b / c", "set a = b * c",
                "set a[1] = \"eight\"", "SET a = if_not_exist(a, 100)", "SET if_not_exist(a, b) = a", "set (a = (b + c))",
                "set a = (b.c).d + e", "set a = (b.c)[0] + e", "set a = b + c + d");
        for (String expression : expressions) {
            DynamoException e = assertThrows(DynamoException.class,
                    () -> Expressions.compile(request("{}").put("UpdateExpression", expression)), expression);
            assertTrue(e.getMessage().startsWith("Invalid UpdateExpression: Syntax error; token: "), expression + " → " + e.getMessage());
        }
    }

    @Test
    void syntaxErrorMidway() {
        // the shape DynamoDB answers for "ADD hits : incr" (aws-cdk issue #7591)
        assertInvalid("{'UpdateExpression': 'ADD hits : incr'}",
                "Invalid UpdateExpression: Syntax error; token: \":\", near: \"hits : incr\"");
    }

    @Test
    void reservedKeyword() {
        assertInvalid("{'UpdateExpression': ' remove Absolute '}",
                "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: Absolute");
    }

    @Test
    void sectionUsedTwice() {
        assertInvalid("{'UpdateExpression': 'set a = :v set c = :v', 'ExpressionAttributeValues': {':v': {'S': 'a'}}}",
                "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
    }

    @Test
    void unknownFunction() {
        assertInvalid("{'UpdateExpression': 'set a = if_not_exist(b, :v)', 'ExpressionAttributeValues': {':v': {'S': 'a'}}}",
                "Invalid UpdateExpression: Invalid function name; function: if_not_exist");
    }

    @Test
    void overlappingPaths() {
        assertInvalid("{'UpdateExpression': 'set a = b remove a.c'}",
                "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, c]");
    }

    @Test
    void sameAttributeTwiceOverlaps() {
        assertInvalid("{'UpdateExpression': 'remove a, #c, a', 'ExpressionAttributeNames': {'#c': 'c'}}",
                "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]");
    }

    @Test
    void conflictingPaths() {
        assertInvalid("{'UpdateExpression': 'remove a.#c set a[1] = #d', 'ExpressionAttributeNames': {'#c': 'c', '#d': 'd'}}",
                "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, c], path two: [a, [1]]");
    }

    @Test
    void addNeedsNumberOrSet() {
        assertInvalid("{'UpdateExpression': 'add a.b :a', 'ExpressionAttributeValues': {':a': {'S': 'a'}}}",
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING");
    }

    @Test
    void deleteNeedsASet() {
        assertInvalid("{'UpdateExpression': 'delete a.b :a', 'ExpressionAttributeValues': {':a': {'N': '1'}}}",
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER");
    }

    @Test
    void listAppendNeedsLists() {
        assertInvalid("{'UpdateExpression': 'set a = list_append(:a, a)', 'ExpressionAttributeValues': {':a': {'S': 'a'}}}",
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: S");
    }

    @Test
    void plusNeedsNumbers() {
        assertInvalid("{'UpdateExpression': 'set a = a + :a', 'ExpressionAttributeValues': {':a': {'SS': ['a']}}}",
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: SS");
    }

    @Test
    void ifNotExistsNeedsAPath() {
        assertInvalid("{'UpdateExpression': 'set a = if_not_exists(:a, c)', 'ExpressionAttributeValues': {':a': {'S': 'a'}}}",
                "Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists");
    }

    @Test
    void functionOperandCount() {
        assertInvalid("{'UpdateExpression': 'set a = list_append(c)'}",
                "Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: list_append, number of operands: 1");
    }

    @Test
    void undefinedName() {
        assertInvalid("{'UpdateExpression': 'SET #c = :a', 'ExpressionAttributeValues': {':a': {'S': 'a'}}, 'ExpressionAttributeNames': {'#a': 'a'}}",
                "Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #c");
    }

    // ---------------------------------------------------------------- application

    @Test
    void setCreatesAttributes() {
        assertEquals(item("{'a': {'S': 'x'}, 'b': {'N': '1'}}"), apply("SET b = :b", "{':b': {'N': '1'}}", "{'a': {'S': 'x'}}"));
    }

    @Test
    void setArithmetic() {
        assertEquals(item("{'n': {'N': '7'}}"), apply("SET n = n + :d", "{':d': {'N': '2'}}", "{'n': {'N': '5'}}"));
        assertEquals(item("{'n': {'N': '3'}}"), apply("SET n = n - :d", "{':d': {'N': '2'}}", "{'n': {'N': '5'}}"));
    }

    @Test
    void setValuesReadTheItemBeforeTheUpdate() {
        assertEquals(item("{'a': {'N': '2'}, 'b': {'N': '1'}}"), apply("SET a = b, b = a", null, "{'a': {'N': '1'}, 'b': {'N': '2'}}"));
    }

    @Test
    void ifNotExistsKeepsExistingValue() {
        assertEquals(item("{'a': {'N': '1'}}"), apply("SET a = if_not_exists(a, :z)", "{':z': {'N': '0'}}", "{'a': {'N': '1'}}"));
        assertEquals(item("{'a': {'N': '0'}}"), apply("SET a = if_not_exists(a, :z)", "{':z': {'N': '0'}}", "{}"));
    }

    @Test
    void listAppendConcatenates() {
        assertEquals(item("{'l': {'L': [{'N': '1'}, {'N': '2'}]}}"),
                apply("SET l = list_append(l, :more)", "{':more': {'L': [{'N': '2'}]}}", "{'l': {'L': [{'N': '1'}]}}"));
    }

    @Test
    void setPastTheEndOfAListAppends() {
        assertEquals(item("{'l': {'L': [{'N': '1'}, {'N': '9'}]}}"),
                apply("SET l[5] = :v", "{':v': {'N': '9'}}", "{'l': {'L': [{'N': '1'}]}}"));
    }

    @Test
    void elementsSetPastTheEndAreAppendedInIndexOrder() {
        assertEquals(item("{'l': {'L': [{'N': '1'}, {'S': 'b'}, {'S': 'a'}]}}"),
                apply("SET l[5] = :a, l[3] = :b", "{':a': {'S': 'a'}, ':b': {'S': 'b'}}", "{'l': {'L': [{'N': '1'}]}}"));
    }

    @Test
    void setNestedMapKey() {
        assertEquals(item("{'m': {'M': {'a': {'N': '1'}, 'b': {'N': '2'}}}}"),
                apply("SET m.b = :v", "{':v': {'N': '2'}}", "{'m': {'M': {'a': {'N': '1'}}}}"));
    }

    @Test
    void removeListElementsByOriginalIndex() {
        assertEquals(item("{'l': {'L': [{'N': '0'}, {'N': '2'}]}}"),
                apply("REMOVE l[1], l[3]", null, "{'l': {'L': [{'N': '0'}, {'N': '1'}, {'N': '2'}, {'N': '3'}]}}"));
    }

    @Test
    void removeMissingAttributeIsNoOp() {
        assertEquals(item("{'a': {'N': '1'}}"), apply("REMOVE b", null, "{'a': {'N': '1'}}"));
    }

    @Test
    void addToMissingAttributeCreatesIt() {
        assertEquals(item("{'n': {'N': '5'}, 's': {'SS': ['x']}}"),
                apply("ADD n :n, s :s", "{':n': {'N': '5'}, ':s': {'SS': ['x']}}", null));
    }

    @Test
    void addUnitesSetsAndSumsNumbers() {
        assertEquals(item("{'n': {'N': '6'}, 's': {'SS': ['x', 'y']}}"),
                apply("ADD n :n, s :s", "{':n': {'N': '5'}, ':s': {'SS': ['y', 'x']}}", "{'n': {'N': '1'}, 's': {'SS': ['x']}}"));
    }

    @Test
    void deleteRemovesMembersAndEmptySetsVanish() {
        assertEquals(item("{'s': {'SS': ['y']}}"), apply("DELETE s :s", "{':s': {'SS': ['x']}}", "{'s': {'SS': ['x', 'y']}}"));
        assertEquals(item("{}"), apply("DELETE s :s", "{':s': {'SS': ['x', 'y']}}", "{'s': {'SS': ['x', 'y']}}"));
    }

    @Test
    void missingAttributeInValue() {
        // dynalite test/updateItem.js "should return ValidationException if trying to reference non-existent attribute"
        assertValidation("The provided expression refers to an attribute that does not exist in the item",
                () -> apply("set c = b", null, "{}"));
    }

    @Test
    void nestedPathUnderMissingAttribute() {
        // dynalite test/updateItem.js "...update non-existent nested attribute in non-existent item"
        assertValidation("The document path provided in the update expression is invalid for update",
                () -> apply("set b.a = :v", "{':v': {'N': '1'}}", null));
    }

    @Test
    void indexIntoAMapIsInvalid() {
        assertValidation("The document path provided in the update expression is invalid for update",
                () -> apply("set c[1] = :v", "{':v': {'N': '1'}}", "{'c': {'M': {'1': {'S': 'a'}}}}"));
    }

    @Test
    void addOfWrongTypeToExistingValue() {
        // dynalite test/updateItem.js "should return ValidationException if using expression to delete/add incorrect types"
        assertValidation("An operand in the update expression has an incorrect data type",
                () -> apply("add d :a", "{':a': {'N': '1'}}", "{'d': {'NS': ['1']}}"));
    }

    @Test
    void arithmeticOnNonNumber() {
        assertValidation("An operand in the update expression has an incorrect data type",
                () -> apply("set e = a + :a", "{':a': {'N': '1'}}", "{'a': {'S': 'x'}}"));
    }

    @Test
    void numberOverflow() {
        assertValidation("Number overflow. Attempting to store a number with magnitude larger than supported range",
                () -> apply("set n = n + :a", "{':a': {'N': '9.9999999999999999999999999999999999999E+125'}}",
                        "{'n': {'N': '9.9999999999999999999999999999999999999E+125'}}"));
    }

    @Test
    void declaredTypeOfTopLevelSet() {
        UpdateExpression update = compile("{'UpdateExpression': 'set c = a + :a, d = :s', 'ExpressionAttributeValues': {':a': {'N': '1'}, ':s': {'S': 'x'}}}").update();
        assertEquals("N", update.declaredType("c"));
        assertEquals("S", update.declaredType("d"));
    }
}
