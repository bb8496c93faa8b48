package io.dynamoid.emulator.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.dynamoid.emulator.EmulatorTestBase;
import io.dynamoid.emulator.RawClient;
import io.dynamoid.emulator.operations.Operations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Thousands of malformed and hostile requests, from a seeded RNG, against every implemented operation.
 * Every answer must be DynamoDB's 4xx error JSON (or a 200 when a mutation happens to stay valid), never a
 * 5xx and never a hang; afterwards the server still answers and a canary item the fuzzer aims near is intact.
 * <p>
 * {@code -Ddynamoid.fuzz.requests=200000} runs longer; {@code -Ddynamoid.fuzz.seed=N} replays a failure.
 */
class HostileInputTest extends EmulatorTestBase {
    private static final long SEED = Long.getLong("dynamoid.fuzz.seed", System.nanoTime());
    private static final int REQUESTS = Integer.getInteger("dynamoid.fuzz.requests", 3000);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String TABLE = "fuzz";
    private static final String SCRATCH = "fuzz-scratch";
    private static final Map<String, AttributeValue> CANARY = Map.of(
            "pk", AttributeValue.fromS("canary"), "sk", AttributeValue.fromN("0"), "g", AttributeValue.fromS("canary-g"),
            "count", AttributeValue.fromN("42"), "tags", AttributeValue.fromSs(List.of("a", "b")),
            "doc", AttributeValue.fromM(Map.of("list", AttributeValue.fromL(List.of(AttributeValue.fromBool(true))))));

    /** Placeholders replaced in the serialized text, so big or deep values never go through a tree. */
    private static final String DEEP_JSON = "@@deep-json@@";
    private static final String DEEP_M = "@@deep-m@@";
    private static final String DEEP_L = "@@deep-l@@";
    private static final String HUGE_STRING = "@@huge-string@@";
    private static final String RAW_PREFIX = "@@raw:";
    private static final String DUPLICATE_PREFIX = "dup~~";

    private static final List<String> HOSTILE_RAW_NUMBERS = List.of(
            "1e999999999", "-1e999999999", "1e9999999999", "2147483648", "-1", "0", "1e30", "9223372036854775808",
            "123456789012345678901234567890123456789", "0.0000000000000000000000000000000000000001", "-0");
    private static final List<String> HOSTILE_NUMBER_STRINGS = List.of(
            "1e999999999", "NaN", "Infinity", "", "--1", "1..2", "0x10", " 1", "1e-131",
            "123456789012345678901234567890123456789", "1E+126", "-", "+", ".", "e5");
    private static final List<String> HOSTILE_BASE64 = List.of("!!!", "a", "abc", "====", "Zm9v=YmFy", "\u00e9t\u00e9", "");

    private static String scratchArn;

    @BeforeAll
    static void createTablesAndCanary() {
        client.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N),
                        attribute("g", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG")
                        .keySchema(key("g", KeyType.HASH)).projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build()));
        scratchArn = client.createTable(b -> b.tableName(SCRATCH).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(key("id", KeyType.HASH)))
                .tableDescription().tableArn();
        client.putItem(b -> b.tableName(TABLE).item(CANARY));
    }

    @AfterEach
    void serverStillAnswersAndCanaryIsIntact() {
        assertEquals(TABLE, client.describeTable(b -> b.tableName(TABLE)).table().tableName(), "server answers");
        Map<String, AttributeValue> canary = client.getItem(b -> b.tableName(TABLE).consistentRead(true)
                .key(Map.of("pk", CANARY.get("pk"), "sk", CANARY.get("sk")))).item();
        assertEquals(CANARY, canary, "canary item changed; seed " + SEED);
    }

    @Test
    void randomMutationsOfValidRequestsAnswerDynamoDbErrorsOrSucceed() {
        Random random = new Random(SEED);
        List<String> operations = new ArrayList<>(new TreeSet<>(Operations.instance().all().keySet()));
        for (int i = 0; i < REQUESTS; i++) {
            String operation = operations.get(random.nextInt(operations.size()));
            ObjectNode request = template(operation, i);
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) mutate(request, random);
            String body = expand(request, random);
            assertSane(operation, body, "request " + i);
        }
    }

    @Test
    void bodiesThatAreNotJsonObjectsAnswerSerializationErrors() {
        List<String> bodies = List.of("null", "[]", "[{}]", "\"ListTables\"", "42", "-1e999999999", "true", "{", "}",
                "{\"TableName\":", "{\"TableName\" \"x\"}", "{'TableName':'x'}", "{\"a\":1,}", "\u0000", "\uFEFF{}",
                "{} {}", "{\"TableName\":\"x\"} trailing", "[".repeat(100_000), "{\"a\":".repeat(20_000) + "1",
                "{\"TableName\":\"\\ud800\"}", "{\"TableName\":\"\\u00\"}");
        for (String operation : new TreeSet<>(Operations.instance().all().keySet())) {
            for (String body : bodies) assertSane(operation, body, "non-object body");
        }
    }

    @Test
    void invalidUtf8AnswersSerializationError() {
        byte[] body = {'{', '"', 'T', 'a', 'b', 'l', 'e', 'N', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        RawClient.Answer answer = send(signed("DescribeTable").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertDynamoErrorShape(answer, "invalid UTF-8");
    }

    @Test
    void deeplyNestedAttributeValuesAreRefused() {
        Random random = new Random(SEED);
        for (String operation : List.of("PutItem", "UpdateItem", "Query", "Scan", "TransactWriteItems", "BatchWriteItem")) {
            ObjectNode request = template(operation, 0);
            for (String deep : List.of(DEEP_M, DEEP_L)) {
                String body = request.toString().replaceFirst("\\{\"[SN]\":\"[^\"]*\"}", "\"" + deep + "\"");
                RawClient.Answer answer = assertSane(operation, expand(body, random), "deep " + deep);
                assertTrue(answer.status() >= 400, operation + " accepted a value nested 10,000 deep");
            }
        }
    }

    @Test
    void attributeValuesNestedThousandsDeepAreRefusedWithoutExhaustingTheStack() {
        for (String[] nesting : new String[][]{{"{\"M\":{\"a\":", "}}"}, {"{\"L\":[", "]}"}}) {
            RawClient.Answer answer = assertSane("PutItem", itemWith(nested(nesting[0], nesting[1], 4_990)), "nested " + nesting[0]);
            assertEquals(400, answer.status(), answer.body());
        }
    }

    @Test
    void attributeValuesNestedEightyDeepGetDynamoDbsNestingMessage() {
        for (String[] nesting : new String[][]{{"{\"M\":{\"a\":", "}}"}, {"{\"L\":[", "]}"}}) {
            RawClient.Answer answer = assertSane("PutItem", itemWith(nested(nesting[0], nesting[1], 80)), "nested " + nesting[0]);
            assertEquals("ValidationException", answer.errorType(), answer.body());
            assertTrue(answer.message().contains("Nesting Levels have exceeded supported limits"), answer.body());
        }
    }

    private static String itemWith(String x) {
        return "{\"TableName\":\"" + TABLE + "\",\"Item\":{\"pk\":{\"S\":\"deep\"},\"sk\":{\"N\":\"1\"},\"x\":" + x + "}}";
    }

    @Test
    void absurdLimitsAreRefused() {
        for (String operation : List.of("Query", "Scan", "ListTables")) {
            for (String limit : List.of("-1", "0", "-2147483649", "-1e999999999", "\"10\"", "[]", "{}", "true")) {
                RawClient.Answer answer = assertSane(operation, withLimit(operation, limit), "Limit " + limit);
                assertTrue(answer.status() >= 400, operation + " accepted Limit " + limit);
            }
            // Beyond an int: no wrap-around to a negative limit, no billion-digit expansion.
            for (String limit : List.of("2147483648", "1e30", "1e999999999", "9223372036854775808")) {
                assertSane(operation, withLimit(operation, limit), "Limit " + limit);
            }
        }
    }

    @Test
    void limitBeyondAnIntReadsEverythingInsteadOfWrappingAround() {
        client.putItem(b -> b.tableName(TABLE).item(Map.of("pk", AttributeValue.fromS("wrap"), "sk", AttributeValue.fromN("1"))));
        RawClient.Answer answer = assertSane("Query", "{\"TableName\":\"" + TABLE + "\",\"Limit\":2147483648,"
                + "\"KeyConditionExpression\":\"pk = :p\",\"ExpressionAttributeValues\":{\":p\":{\"S\":\"wrap\"}}}", "Limit 2^31");
        assertEquals(1, answer.json().path("Count").asInt(), answer.body());
    }

    @Test
    void nullInsideASetIsRefusedByBatchWriteItemAsByPutItem() {
        for (String set : List.of("{\"SS\":[\"a\",null]}", "{\"NS\":[null]}", "{\"BS\":[\"AAEC\",null]}")) {
            String item = "{\"pk\":{\"S\":\"nullset\"},\"sk\":{\"N\":\"1\"},\"x\":" + set + "}";
            RawClient.Answer put = assertSane("PutItem", "{\"TableName\":\"" + TABLE + "\",\"Item\":" + item + "}", "put " + set);
            RawClient.Answer batch = assertSane("BatchWriteItem", "{\"RequestItems\":{\"" + TABLE + "\":[{\"PutRequest\":{\"Item\":"
                    + item + "}}]}}", "batch " + set);
            assertEquals("ValidationException", put.errorType(), put.body());
            assertEquals(put.body(), batch.body(), set);
            String update = "{\"TableName\":\"" + TABLE + "\",\"Key\":{\"pk\":{\"S\":\"nullset\"},\"sk\":{\"N\":\"1\"}},"
                    + "\"UpdateExpression\":\"ADD x :s\",\"ExpressionAttributeValues\":{\":s\":" + set + "}}";
            assertEquals("ValidationException", assertSane("UpdateItem", update, "update " + set).errorType());
        }
    }

    @Test
    void nullTransactionEntryIsRefusedLikeAnEntryWithoutItsAction() {
        RawClient.Answer withoutGet = assertSane("TransactGetItems", "{\"TransactItems\":[{}]}", "entry without Get");
        RawClient.Answer nullEntry = assertSane("TransactGetItems", "{\"TransactItems\":[null]}", "null entry");
        assertEquals(withoutGet.body(), nullEntry.body());
        assertEquals("ValidationException", assertSane("TransactWriteItems", "{\"TransactItems\":[null]}", "null write entry").errorType());
    }

    @Test
    void nullLegacyConditionIsRefusedLikeAConditionWithoutOperator() {
        String scan = "{\"TableName\":\"" + TABLE + "\",\"ScanFilter\":{\"n\":%s}}";
        RawClient.Answer withoutOperator = assertSane("Scan", scan.formatted("{}"), "condition without operator");
        assertEquals("ValidationException", withoutOperator.errorType());
        assertEquals(withoutOperator.body(), assertSane("Scan", scan.formatted("null"), "null condition").body());
    }

    @Test
    void invalidNumbersAndBinaryInItemsAreRefused() {
        for (String number : HOSTILE_NUMBER_STRINGS) {
            RawClient.Answer answer = assertSane("PutItem", "{\"TableName\":\"" + TABLE + "\",\"Item\":{\"pk\":{\"S\":\"n\"},"
                    + "\"sk\":{\"N\":\"1\"},\"x\":{\"N\":\"" + number + "\"}}}", "number " + number);
            assertEquals("ValidationException", answer.errorType(), "number " + number);
        }
        for (String base64 : HOSTILE_BASE64) {
            if (base64.isEmpty()) continue; // an empty binary is a different (valid-syntax) case
            RawClient.Answer answer = assertSane("PutItem", "{\"TableName\":\"" + TABLE + "\",\"Item\":{\"pk\":{\"S\":\"n\"},"
                    + "\"sk\":{\"N\":\"1\"},\"x\":{\"B\":\"" + base64 + "\"}}}", "base64 " + base64);
            assertTrue(answer.status() >= 400, "base64 " + base64);
        }
    }

    @Test
    void unknownTargetsAnswerUnknownOperation() {
        for (String target : List.of("", "DynamoDB_20120810.", "DynamoDB_20120810.listtables", "DynamoDB_20120810.ListTables.",
                "DynamoDB_20120810.ExecuteStatementX", "DynamoDB_20111205.ListTables", "x".repeat(10_000))) {
            RawClient.Answer answer = send(HttpRequest.newBuilder(raw.endpoint())
                    .header("Content-Type", "application/x-amz-json-1.0").header("X-Amz-Target", target)
                    .header("X-Amz-Date", "20261125T000000Z").header("Authorization", AUTHORIZATION)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertEquals(400, answer.status(), target);
            assertEquals("UnknownOperationException", answer.errorType(), target);
        }
    }

    @Test
    void wrongContentTypesNeverReachTheOperation() {
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "application/x-amz-json-1.1", "multipart/form-data; boundary=x", "application/x-amz-json-1.0x", ";;;")) {
            RawClient.Answer answer = send(HttpRequest.newBuilder(raw.endpoint())
                    .header("Content-Type", type).header("X-Amz-Target", "DynamoDB_20120810.DeleteTable")
                    .header("X-Amz-Date", "20261125T000000Z").header("Authorization", AUTHORIZATION)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\":\"" + TABLE + "\"}")));
            // DynamoDB answers a content type it does not speak with a bare XML UnknownOperationException.
            assertEquals(404, answer.status(), type);
            assertTrue(answer.body().contains("UnknownOperationException"), type);
        }
    }

    @Test
    void bodiesOver16MegabytesAreRefusedWith413() {
        byte[] body = new byte[16 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        RawClient.Answer answer = send(signed("ListTables").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertEquals(413, answer.status());
    }

    @Test
    void chunkedBodiesOver16MegabytesAreRefusedWith413() {
        byte[] chunk = new byte[1024 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < 17; i++) chunks.add(chunk);
        // ofInputStream sends no Content-Length: the server must count while reading.
        RawClient.Answer answer = send(signed("ListTables").POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.SequenceInputStream(java.util.Collections.enumeration(
                        chunks.stream().map(java.io.ByteArrayInputStream::new).toList())))));
        assertEquals(413, answer.status());
    }

    @Test
    void hugeStringsAreRefusedOrStoredWithinLimits() {
        String huge = "x".repeat(15 * 1024 * 1024);
        RawClient.Answer answer = assertSane("PutItem", "{\"TableName\":\"" + TABLE + "\",\"Item\":{\"pk\":{\"S\":\"h\"},"
                + "\"sk\":{\"N\":\"1\"},\"x\":{\"S\":\"" + huge + "\"}}}", "15 MB string");
        assertEquals("ValidationException", answer.errorType());
    }

    private static String withLimit(String operation, String limit) {
        ObjectNode request = template(operation, 0);
        request.set("Limit", TextNode.valueOf(RAW_PREFIX + limit + "@@"));
        return expand(request, new Random(SEED));
    }

    // ---- templates: one valid request per operation, never touching the canary's key ----

    private static ObjectNode template(String operation, int i) {
        String key = "{\"pk\":{\"S\":\"k" + (i % 7) + "\"},\"sk\":{\"N\":\"" + (i % 3) + "\"}}";
        String item = "{\"pk\":{\"S\":\"k" + (i % 7) + "\"},\"sk\":{\"N\":\"" + (i % 3) + "\"},\"g\":{\"S\":\"g" + (i % 2)
                + "\"},\"v\":{\"S\":\"v" + i + "\"},\"n\":{\"N\":\"1\"},\"ss\":{\"SS\":[\"a\",\"b\"]},"
                + "\"bin\":{\"B\":\"AAEC\"},\"doc\":{\"M\":{\"l\":{\"L\":[{\"NULL\":true},{\"BOOL\":false}]}}}}";
        String json = switch (operation) {
            case "BatchGetItem" -> "{\"RequestItems\":{\"" + TABLE + "\":{\"Keys\":[" + key + "],\"ConsistentRead\":true,"
                    + "\"ProjectionExpression\":\"#v, n\",\"ExpressionAttributeNames\":{\"#v\":\"v\"}}}}";
            case "BatchWriteItem" -> "{\"RequestItems\":{\"" + TABLE + "\":[{\"PutRequest\":{\"Item\":" + item + "}},"
                    + "{\"DeleteRequest\":{\"Key\":{\"pk\":{\"S\":\"other\"},\"sk\":{\"N\":\"5\"}}}}]},"
                    + "\"ReturnConsumedCapacity\":\"TOTAL\",\"ReturnItemCollectionMetrics\":\"SIZE\"}";
            case "CreateTable" -> "{\"TableName\":\"fuzz-new-" + i + "\",\"BillingMode\":\"PROVISIONED\","
                    + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":1},"
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"a\",\"AttributeType\":\"S\"},{\"AttributeName\":\"b\",\"AttributeType\":\"N\"}],"
                    + "\"KeySchema\":[{\"AttributeName\":\"a\",\"KeyType\":\"HASH\"}],"
                    + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"ix\",\"KeySchema\":[{\"AttributeName\":\"b\",\"KeyType\":\"HASH\"}],"
                    + "\"Projection\":{\"ProjectionType\":\"INCLUDE\",\"NonKeyAttributes\":[\"c\"]},"
                    + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":1}}],"
                    + "\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}";
            case "DeleteItem" -> "{\"TableName\":\"" + TABLE + "\",\"Key\":" + key + ",\"ReturnValues\":\"ALL_OLD\","
                    + "\"ConditionExpression\":\"attribute_exists(#n) AND n < :big\",\"ExpressionAttributeNames\":{\"#n\":\"n\"},"
                    + "\"ExpressionAttributeValues\":{\":big\":{\"N\":\"100\"}}}";
            case "DeleteTable", "DescribeTable", "DescribeTimeToLive" -> "{\"TableName\":\"" + SCRATCH + "\"}";
            case "GetItem" -> "{\"TableName\":\"" + TABLE + "\",\"Key\":" + key + ",\"ConsistentRead\":false,"
                    + "\"AttributesToGet\":[\"v\",\"n\"],\"ReturnConsumedCapacity\":\"INDEXES\"}";
            case "ListTables" -> "{\"ExclusiveStartTableName\":\"a\",\"Limit\":10}";
            case "ListTagsOfResource" -> "{\"ResourceArn\":\"" + scratchArn + "\",\"NextToken\":\"x\"}";
            case "TagResource" -> "{\"ResourceArn\":\"" + scratchArn + "\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}";
            case "UntagResource" -> "{\"ResourceArn\":\"" + scratchArn + "\",\"TagKeys\":[\"k\"]}";
            case "PutItem" -> "{\"TableName\":\"" + TABLE + "\",\"Item\":" + item + ",\"ReturnValues\":\"ALL_OLD\","
                    + "\"ConditionExpression\":\"attribute_not_exists(pk) OR size(v) > :z\","
                    + "\"ExpressionAttributeValues\":{\":z\":{\"N\":\"0\"}},\"ReturnConsumedCapacity\":\"TOTAL\"}";
            case "Query" -> "{\"TableName\":\"" + TABLE + "\",\"KeyConditionExpression\":\"pk = :p AND sk BETWEEN :a AND :b\","
                    + "\"FilterExpression\":\"contains(ss, :s) OR attribute_type(v, :t)\",\"ProjectionExpression\":\"v, doc.l[0]\","
                    + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"k1\"},\":a\":{\"N\":\"0\"},\":b\":{\"N\":\"9\"},"
                    + "\":s\":{\"S\":\"a\"},\":t\":{\"S\":\"S\"}},\"Limit\":5,\"ScanIndexForward\":false,"
                    + "\"ExclusiveStartKey\":{\"pk\":{\"S\":\"k1\"},\"sk\":{\"N\":\"0\"}}}";
            case "Scan" -> "{\"TableName\":\"" + TABLE + "\",\"IndexName\":\"byG\",\"Limit\":3,\"Segment\":0,\"TotalSegments\":2,"
                    + "\"ScanFilter\":{\"n\":{\"ComparisonOperator\":\"GE\",\"AttributeValueList\":[{\"N\":\"0\"}]}},"
                    + "\"Select\":\"ALL_ATTRIBUTES\"}";
            case "TransactGetItems" -> "{\"TransactItems\":[{\"Get\":{\"TableName\":\"" + TABLE + "\",\"Key\":" + key
                    + ",\"ProjectionExpression\":\"v\"}}]}";
            case "TransactWriteItems" -> "{\"ClientRequestToken\":\"t" + i + "\",\"TransactItems\":["
                    + "{\"Put\":{\"TableName\":\"" + TABLE + "\",\"Item\":" + item + "}},"
                    + "{\"Update\":{\"TableName\":\"" + TABLE + "\",\"Key\":{\"pk\":{\"S\":\"u\"},\"sk\":{\"N\":\"1\"}},"
                    + "\"UpdateExpression\":\"ADD n :one SET v = :v\",\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"},\":v\":{\"S\":\"v\"}}}},"
                    + "{\"ConditionCheck\":{\"TableName\":\"" + TABLE + "\",\"Key\":{\"pk\":{\"S\":\"c\"},\"sk\":{\"N\":\"1\"}},"
                    + "\"ConditionExpression\":\"attribute_not_exists(pk)\"}}],\"ReturnConsumedCapacity\":\"TOTAL\"}";
            case "UpdateItem" -> "{\"TableName\":\"" + TABLE + "\",\"Key\":" + key + ",\"UpdateExpression\":"
                    + "\"SET #v = if_not_exists(#v, :v), l = list_append(if_not_exists(l, :e), :e) ADD n :one, ss :ss REMOVE doc.l[0]\","
                    + "\"ExpressionAttributeNames\":{\"#v\":\"v\"},\"ExpressionAttributeValues\":{\":v\":{\"S\":\"v\"},"
                    + "\":e\":{\"L\":[]},\":one\":{\"N\":\"1\"},\":ss\":{\"SS\":[\"z\"]}},\"ReturnValues\":\"UPDATED_NEW\"}";
            case "UpdateTable" -> "{\"TableName\":\"" + SCRATCH + "\",\"BillingMode\":\"PROVISIONED\","
                    + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":2,\"WriteCapacityUnits\":2}}";
            case "UpdateTimeToLive" -> "{\"TableName\":\"" + SCRATCH + "\",\"TimeToLiveSpecification\":"
                    + "{\"Enabled\":true,\"AttributeName\":\"expires\"}}";
            default -> "{}"; // DescribeEndpoints, DescribeLimits and operations added later
        };
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- mutations ----

    private record Slot(JsonNode container, String field, int index) {
        JsonNode value() {
            return field != null ? container.get(field) : container.get(index);
        }

        void set(JsonNode value) {
            if (field != null) ((ObjectNode) container).set(field, value);
            else ((ArrayNode) container).set(index, value);
        }

        void remove() {
            if (field != null) ((ObjectNode) container).remove(field);
            else ((ArrayNode) container).remove(index);
        }
    }

    private static List<Slot> slots(JsonNode node, List<Slot> into) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                into.add(new Slot(node, name, -1));
                slots(node.get(name), into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                into.add(new Slot(node, null, i));
                slots(node.get(i), into);
            }
        }
        return into;
    }

    private static void mutate(ObjectNode request, Random random) {
        List<Slot> slots = slots(request, new ArrayList<>());
        if (slots.isEmpty()) {
            request.set(randomName(random), hostileValue(random));
            return;
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        switch (random.nextInt(6)) {
            case 0 -> slot.remove();
            case 1 -> {
                if (slot.field() != null) {
                    ((ObjectNode) slot.container()).set(DUPLICATE_PREFIX + slot.field(), hostileOrSame(slot.value(), random));
                } else {
                    ((ArrayNode) slot.container()).add(slot.value().deepCopy());
                }
            }
            case 2 -> {
                // rename: a misspelt member, or an attribute value's type letter swapped for another
                if (slot.field() != null) {
                    JsonNode value = slot.value();
                    slot.remove();
                    String[] names = {"S", "N", "B", "SS", "NS", "BS", "M", "L", "BOOL", "NULL", "s", "Q", ""};
                    String name = slot.field().length() <= 4 ? names[random.nextInt(names.length)] : slot.field().toLowerCase();
                    ((ObjectNode) slot.container()).set(name, value);
                } else {
                    slot.set(hostileValue(random));
                }
            }
            case 3 -> ((ObjectNode) firstObject(slot)).set(randomName(random), hostileValue(random));
            default -> slot.set(hostileValue(random));
        }
    }

    private static JsonNode firstObject(Slot slot) {
        return slot.container().isObject() ? slot.container() : MAPPER.createObjectNode();
    }

    private static JsonNode hostileOrSame(JsonNode value, Random random) {
        return random.nextBoolean() ? value.deepCopy() : hostileValue(random);
    }

    private static String randomName(Random random) {
        String[] names = {"TableName", "Key", "Item", "Limit", "ExclusiveStartKey", "IndexName", "Select",
                "ReturnValues", "ConditionExpression", "ExpressionAttributeValues", "Unknown", "__type", ""};
        return names[random.nextInt(names.length)];
    }

    private static JsonNode hostileValue(Random random) {
        switch (random.nextInt(20)) {
            case 0: return MAPPER.nullNode();
            case 1: return MAPPER.getNodeFactory().booleanNode(random.nextBoolean());
            case 2: return TextNode.valueOf(RAW_PREFIX + HOSTILE_RAW_NUMBERS.get(random.nextInt(HOSTILE_RAW_NUMBERS.size())) + "@@");
            case 3: return TextNode.valueOf("");
            case 4: return TextNode.valueOf(randomString(random, 1 + random.nextInt(300)));
            case 5: return TextNode.valueOf(HUGE_STRING);
            case 6: return MAPPER.createArrayNode();
            case 7: return MAPPER.createObjectNode();
            case 8: return MAPPER.createArrayNode().add(MAPPER.nullNode()).add(1).add("x");
            case 9: return TextNode.valueOf(DEEP_JSON);
            case 10: return TextNode.valueOf(DEEP_M);
            case 11: return TextNode.valueOf(DEEP_L);
            case 12: return MAPPER.createObjectNode().put("N", HOSTILE_NUMBER_STRINGS.get(random.nextInt(HOSTILE_NUMBER_STRINGS.size())));
            case 13: return MAPPER.createObjectNode().put("B", HOSTILE_BASE64.get(random.nextInt(HOSTILE_BASE64.size())));
            case 14: return MAPPER.createObjectNode().set("NS", MAPPER.createArrayNode().add("1").add("1.0"));
            case 15: return MAPPER.createObjectNode().put("S", "x").put("N", "1");
            case 16: return MAPPER.createObjectNode().set("SS", MAPPER.createArrayNode());
            case 17: return TextNode.valueOf("arn:aws:dynamodb:us-east-1:000000000000:table/" + randomString(random, 5));
            case 18: return TextNode.valueOf(HOSTILE_NUMBER_STRINGS.get(random.nextInt(HOSTILE_NUMBER_STRINGS.size())));
            default: return MAPPER.getNodeFactory().numberNode(random.nextLong());
        }
    }

    private static String randomString(Random random, int length) {
        String alphabet = "abcXYZ019 #:.[]()<>=_-\"\\\u00e9\u4e2d\ud83d\ude00\u0000\n";
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return s.toString();
    }

    /** Serializes the request and replaces the placeholders with their (big, deep or raw) JSON. */
    private static String expand(ObjectNode request, Random random) {
        return expand(request.toString(), random);
    }

    private static String expand(String json, Random random) {
        String text = json.replace("\"" + DUPLICATE_PREFIX, "\"");
        if (text.contains(DEEP_JSON)) text = text.replace("\"" + DEEP_JSON + "\"", "[".repeat(12_000) + "]".repeat(12_000));
        if (text.contains(DEEP_M)) text = text.replace("\"" + DEEP_M + "\"", nested("{\"M\":{\"a\":", "}}", 10_000));
        if (text.contains(DEEP_L)) text = text.replace("\"" + DEEP_L + "\"", nested("{\"L\":[", "]}", 10_000));
        if (text.contains(HUGE_STRING)) {
            text = text.replace(HUGE_STRING, "h".repeat(random.nextBoolean() ? 400 * 1024 : 2 * 1024 * 1024));
        }
        while (text.contains("\"" + RAW_PREFIX)) {
            int start = text.indexOf("\"" + RAW_PREFIX);
            int end = text.indexOf("@@\"", start);
            text = text.substring(0, start) + text.substring(start + RAW_PREFIX.length() + 1, end) + text.substring(end + 3);
        }
        return text;
    }

    private static String nested(String open, String close, int depth) {
        return open.repeat(depth) + "{\"S\":\"leaf\"}" + close.repeat(depth);
    }

    // ---- sending and checking ----

    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDTEST/20261125/us-east-1/dynamodb/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=abc";

    private static HttpRequest.Builder signed(String operation) {
        return HttpRequest.newBuilder(raw.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("X-Amz-Date", "20261125T000000Z")
                .header("Authorization", AUTHORIZATION);
    }

    private static RawClient.Answer send(HttpRequest.Builder request) {
        return raw.send(request.timeout(REQUEST_TIMEOUT));
    }

    /** Sends one request and asserts the answer is a success or DynamoDB's error JSON, never a 5xx. */
    private static RawClient.Answer assertSane(String operation, String body, String what) {
        RawClient.Answer answer;
        try {
            answer = send(signed(operation).POST(HttpRequest.BodyPublishers.ofString(body)));
        } catch (AssertionError e) {
            throw new AssertionError(context(operation, body, what) + ": no answer", e);
        }
        if (answer.status() == 200) {
            assertTrue(answer.json().isObject(), context(operation, body, what));
            return answer;
        }
        assertDynamoErrorShape(answer, context(operation, body, what));
        return answer;
    }

    private static void assertDynamoErrorShape(RawClient.Answer answer, String context) {
        int status = answer.status();
        if (status < 400 || status >= 500) fail(context + " answered " + status + ": " + abbreviate(answer.body()));
        JsonNode json;
        try {
            json = MAPPER.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError(context + " answered non-JSON: " + abbreviate(answer.body()));
        }
        String type = json.path("__type").asText("");
        assertTrue(type.startsWith("com.amazon.coral.validate#") || type.startsWith("com.amazon.coral.service#")
                        || type.startsWith("com.amazonaws.dynamodb.v20120810#"),
                context + " answered an unknown error type: " + abbreviate(answer.body()));
        boolean hasMessage = json.hasNonNull("message") || json.hasNonNull("Message");
        if (!type.endsWith("#UnknownOperationException") && !type.endsWith("#SerializationException")) {
            assertTrue(hasMessage, context + " answered an error without a message: " + abbreviate(answer.body()));
        }
        assertFalse(type.endsWith("#InternalServerError") || type.endsWith("#InternalFailure"), context);
    }

    private static String context(String operation, String body, String what) {
        return "seed " + SEED + " (-Ddynamoid.fuzz.seed=" + SEED + "), " + what + ", " + operation + " " + abbreviate(body);
    }

    private static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "... (" + text.length() + " chars)";
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
