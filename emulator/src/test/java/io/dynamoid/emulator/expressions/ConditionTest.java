package io.dynamoid.emulator.expressions;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.dynamoid.emulator.expressions.ExpressionTestSupport.assertInvalid;
import static io.dynamoid.emulator.expressions.ExpressionTestSupport.compile;
import static io.dynamoid.emulator.expressions.ExpressionTestSupport.item;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Condition grammar, validation messages and evaluation. Messages are DynamoDB's as pinned by dynalite's
 * test suite (test/updateItem.js, test/putItem.js, test/query.js "should return ValidationException ...").
 */
class ConditionTest {

    private static boolean matches(String condition, String values, String item) {
        String request = "{'ConditionExpression': '" + condition + "'"
                + (values == null ? "" : ", 'ExpressionAttributeValues': " + values) + "}";
        return compile(request).condition().matches(item(item));
    }

    // ---------------------------------------------------------------- syntax

    @Test
    void emptyExpressionIsRefused() {
        // dynalite test/updateItem.js: "should return ValidationException for empty ConditionExpression"
        assertInvalid("{'ConditionExpression': ''}", "Invalid ConditionExpression: The expression can not be empty;");
    }

    @Test
    void syntaxErrorNamesTokenAndSurroundings() {
        // format of DynamoDB: Syntax error; token: "<token>", near: "<previous> <token> <next>"
        assertInvalid("{'ConditionExpression': 'a = = b'}",
                "Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = b\"");
    }

    @Test
    void syntaxErrorAtEndNamesEof() {
        assertInvalid("{'ConditionExpression': 'a ='}",
                "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"");
    }

    @Test
    void bareAttributeIsNotACondition() {
        assertInvalid("{'ConditionExpression': 'a'}",
                "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"a\"");
    }

    @Test
    void reservedWordAsBareNameIsRefused() {
        // dynalite test/putItem.js "should return ValidationException for reserved keywords"
        assertInvalid("{'ConditionExpression': 'attribute_exists(Absolute)'}",
                "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Absolute");
    }

    @Test
    void redundantParenthesesAreRefused() {
        assertInvalid("{'ConditionExpression': '((attribute_exists(a)))'}",
                "Invalid ConditionExpression: The expression has redundant parentheses;");
    }

    @Test
    void singleParenthesesAreFine() {
        assertTrue(matches("(a = :v) AND (b = :v)", "{':v': {'N': '1'}}", "{'a': {'N': '1'}, 'b': {'N': '1'}}"));
    }

    @Test
    void unknownFunctionIsRefused() {
        assertInvalid("{'ConditionExpression': 'attribute_exist(a)'}",
                "Invalid ConditionExpression: Invalid function name; function: attribute_exist");
    }

    @Test
    void wrongNumberOfOperands() {
        assertInvalid("{'ConditionExpression': 'begins_with(a)'}",
                "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1");
    }

    @Test
    void attributeExistsNeedsAPath() {
        assertInvalid("{'ConditionExpression': 'attribute_exists(:a)', 'ExpressionAttributeValues': {':a': {'S': 'x'}}}",
                "Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists");
    }

    @Test
    void beginsWithRefusesNumbers() {
        assertInvalid("{'ConditionExpression': 'begins_with(a, :a)', 'ExpressionAttributeValues': {':a': {'N': '1'}}}",
                "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
    }

    @Test
    void attributeTypeNeedsAKnownTypeName() {
        assertInvalid("{'ConditionExpression': 'attribute_type(a, :a)', 'ExpressionAttributeValues': {':a': {'S': 'X'}}}",
                "Invalid ConditionExpression: Invalid attribute type name found; type: X, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
    }

    @Test
    void sizeCannotBeACondition() {
        assertInvalid("{'ConditionExpression': 'size(a)'}",
                "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size");
    }

    @Test
    void booleanFunctionCannotBeAnOperand() {
        assertInvalid("{'ConditionExpression': 'attribute_exists(a) = :a', 'ExpressionAttributeValues': {':a': {'S': 'x'}}}",
                "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists");
    }

    @Test
    void comparingAPathWithItselfIsRefused() {
        assertInvalid("{'ConditionExpression': 'a.b = a.b'}",
                "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a, b]");
    }

    @Test
    void betweenBoundsMustShareAType() {
        assertInvalid("{'ConditionExpression': 'a BETWEEN :a AND :b', 'ExpressionAttributeValues': {':a': {'N': '1'}, ':b': {'S': 'b'}}}",
                "Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; "
                        + "lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:b}");
    }

    @Test
    void betweenBoundsMustBeOrdered() {
        assertInvalid("{'ConditionExpression': 'a BETWEEN :a AND :b', 'ExpressionAttributeValues': {':a': {'N': '2'}, ':b': {'N': '1'}}}",
                "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                        + "lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}");
    }

    // ---------------------------------------------------------------- placeholders

    @Test
    void undefinedNamePlaceholder() {
        assertInvalid("{'ConditionExpression': 'attribute_exists(#a)'}",
                "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #a");
    }

    @Test
    void undefinedValuePlaceholder() {
        assertInvalid("{'ConditionExpression': 'a = :a'}",
                "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :a");
    }

    @Test
    void unusedNamesAreRefused() {
        // dynalite test/updateItem.js "should return ValidationException for extra ExpressionAttributeNames"
        assertInvalid("{'ConditionExpression': 'attribute_exists(a)', 'ExpressionAttributeNames': {'#a': 'a', '#b': 'b'}}",
                "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #b}");
    }

    @Test
    void unusedValuesAreRefused() {
        assertInvalid("{'ConditionExpression': 'a = :a', 'ExpressionAttributeValues': {':a': {'S': 'a'}, ':c': {'S': 'a'}}}",
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:c}");
    }

    @Test
    void emptyNameMapIsRefused() {
        assertInvalid("{'ConditionExpression': 'a = b', 'ExpressionAttributeNames': {}}", "ExpressionAttributeNames must not be empty");
    }

    @Test
    void malformedNameKeyIsRefused() {
        assertInvalid("{'ConditionExpression': 'a = b', 'ExpressionAttributeNames': {'a': 'a'}}",
                "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"");
    }

    @Test
    void malformedValueKeyIsRefused() {
        assertInvalid("{'ConditionExpression': 'a = b', 'ExpressionAttributeValues': {'b': {'S': 'a'}}}",
                "ExpressionAttributeValues contains invalid key: Syntax error; key: \"b\"");
    }

    @Test
    void invalidValueIsRefusedWithItsKey() {
        assertInvalid("{'ConditionExpression': 'a = :b', 'ExpressionAttributeValues': {':b': {'S': 'a', 'N': '1'}}}",
                "ExpressionAttributeValues contains invalid value: Supplied AttributeValue has more than one datatypes set, "
                        + "must contain exactly one of the supported datatypes for key :b");
    }

    @Test
    void namePlaceholderResolvesReservedWords() {
        assertTrue(compile("{'ConditionExpression': 'attribute_exists(#d)', 'ExpressionAttributeNames': {'#d': 'Date'}}")
                .condition().matches(item("{'Date': {'S': 'x'}}")));
    }

    @Test
    void parseIsCachedByText() {
        Parser.ParsedCondition first = Parser.condition("a = :cached AND b < :other");
        assertSame(first, Parser.condition("a = :cached AND b < :other"));
    }

    // ---------------------------------------------------------------- evaluation

    @Test
    void equalityNeedsTheSameType() {
        assertTrue(matches("a = :v", "{':v': {'N': '1.0'}}", "{'a': {'N': '1'}}"));
        assertFalse(matches("a = :v", "{':v': {'S': '1'}}", "{'a': {'N': '1'}}"));
    }

    @Test
    void notEqualIsTrueForMissingAttribute() {
        assertTrue(matches("a <> :v", "{':v': {'N': '1'}}", "{}"));
    }

    @Test
    void orderingAcrossTypesIsFalseNotAnError() {
        assertFalse(matches("a < :v", "{':v': {'N': '5'}}", "{'a': {'S': '1'}}"));
        assertFalse(matches("a >= :v", "{':v': {'N': '5'}}", "{'a': {'S': '1'}}"));
    }

    @Test
    void numbersCompareNumerically() {
        assertTrue(matches("a < :v", "{':v': {'N': '10'}}", "{'a': {'N': '9'}}"));
    }

    @Test
    void stringsCompareByBytes() {
        assertTrue(matches("a < :v", "{':v': {'S': 'b'}}", "{'a': {'S': 'B'}}"));
    }

    @Test
    void betweenIsInclusive() {
        assertTrue(matches("a BETWEEN :lo AND :hi", "{':lo': {'N': '1'}, ':hi': {'N': '3'}}", "{'a': {'N': '3'}}"));
        assertFalse(matches("a BETWEEN :lo AND :hi", "{':lo': {'N': '1'}, ':hi': {'N': '3'}}", "{'a': {'N': '4'}}"));
    }

    @Test
    void inMatchesAnyCandidate() {
        assertTrue(matches("a IN (:x, :y)", "{':x': {'S': 'x'}, ':y': {'S': 'y'}}", "{'a': {'S': 'y'}}"));
        assertFalse(matches("a IN (:x, :y)", "{':x': {'S': 'x'}, ':y': {'S': 'y'}}", "{'a': {'S': 'z'}}"));
    }

    @Test
    void andBindsTighterThanOr() {
        // true OR (false AND false) = true; (true OR false) AND false would be false
        assertTrue(matches("a = :one OR a = :two AND a = :three",
                "{':one': {'N': '1'}, ':two': {'N': '2'}, ':three': {'N': '3'}}", "{'a': {'N': '1'}}"));
    }

    @Test
    void notNegates() {
        assertTrue(matches("NOT a = :v", "{':v': {'N': '1'}}", "{'a': {'N': '2'}}"));
    }

    @Test
    void attributeNamesMayStartWithUnderscore() {
        // as dynalite (checked against DynamoDB) answers "_n = :v": evaluated, not a syntax error
        assertTrue(matches("_n = :v", "{':v': {'N': '1'}}", "{'_n': {'N': '1'}}"));
    }

    @Test
    void notMayBeRepeated() {
        // the Developer Guide's grammar: condition ::= NOT condition
        assertTrue(matches("NOT NOT a = :v", "{':v': {'N': '1'}}", "{'a': {'N': '1'}}"));
    }

    @Test
    void nestedPathsReachIntoMapsAndLists() {
        assertTrue(matches("a.b[1].c = :v", "{':v': {'S': 'x'}}",
                "{'a': {'M': {'b': {'L': [{'N': '0'}, {'M': {'c': {'S': 'x'}}}]}}}}"));
    }

    @Test
    void attributeFunctions() {
        assertTrue(matches("attribute_exists(a) AND attribute_not_exists(b)", null, "{'a': {'N': '1'}}"));
        assertTrue(matches("attribute_type(a, :t)", "{':t': {'S': 'SS'}}", "{'a': {'SS': ['x']}}"));
    }

    @Test
    void beginsWithAndContains() {
        assertTrue(matches("begins_with(a, :p)", "{':p': {'S': 'ab'}}", "{'a': {'S': 'abc'}}"));
        assertTrue(matches("contains(a, :p)", "{':p': {'S': 'bc'}}", "{'a': {'S': 'abc'}}"));
        assertTrue(matches("contains(a, :p)", "{':p': {'N': '2'}}", "{'a': {'NS': ['1', '2']}}"));
        assertTrue(matches("contains(a, :p)", "{':p': {'S': 'x'}}", "{'a': {'L': [{'S': 'x'}]}}"));
        assertFalse(matches("contains(a, :p)", "{':p': {'N': '2'}}", "{'a': {'SS': ['2']}}"));
    }

    @Test
    void sizeOfCollectionsAndStrings() {
        assertTrue(matches("size(a) = :n", "{':n': {'N': '3'}}", "{'a': {'L': [{'N': '1'}, {'N': '2'}, {'N': '3'}]}}"));
        assertTrue(matches("size(a) > :n", "{':n': {'N': '2'}}", "{'a': {'S': 'abc'}}"));
        assertFalse(matches("size(a) > :n", "{':n': {'N': '0'}}", "{}"));
    }

    @Test
    void absentItemFailsExistenceChecks() {
        ConditionExpression condition = compile("{'ConditionExpression': 'attribute_exists(a)'}").condition();
        assertFalse(condition.matches(null));
        assertTrue(compile("{'ConditionExpression': 'attribute_not_exists(a)'}").condition().matches(Map.of()));
    }

    // ---------------------------------------------------------------- limits

    @Test
    void inAcceptsAtMostOneHundredCandidates() {
        // message as DynamoDB answers it (reapit/foundations issue #8255): "number of operands: 163"
        StringBuilder candidates = new StringBuilder(":v");
        for (int i = 1; i < 101; i++) candidates.append(", :v");
        assertInvalid("{'ConditionExpression': 'a IN (" + candidates + ")', 'ExpressionAttributeValues': {':v': {'N': '1'}}}",
                "Invalid ConditionExpression: The IN operator is provided with too many operands; number of operands: 101");
    }

    @Test
    void atMostThreeHundredOperators() {
        // message as DynamoDB answers it (aws/aws-sdk-js issue #3721): "operator count: 301"
        StringBuilder expression = new StringBuilder("a = :v");
        for (int i = 0; i < 150; i++) expression.append(" OR a = :v");
        assertInvalid("{'ConditionExpression': '" + expression + "', 'ExpressionAttributeValues': {':v': {'N': '1'}}}",
                "Invalid ConditionExpression: The expression contains too many operators; operator count: 301");
    }

    @Test
    void expressionOfMoreThanFourKilobytesIsRefused() {
        // Developer Guide, expression parameter quotas: "The maximum length of any expression string is 4 KB"
        assertInvalid("{'ConditionExpression': 'attribute_exists(" + "a".repeat(4096) + ")'}",
                "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 4114");
    }
}
