package io.dynamoid.orm.internal.client;

import io.dynamoid.orm.OrmTestBase;
import org.junit.jupiter.api.Test;
import org.slf4j.event.EventRecordingLogger;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.SubstituteLogger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.LinkedBlockingQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestLoggingTest extends OrmTestBase {

    private static List<String> logged(Queue<SubstituteLoggingEvent> events) {
        return events.stream().map(e -> MessageFormatter.arrayFormat(e.getMessage(), e.getArgumentArray()).getMessage()).toList();
    }

    @Test
    void eachCallIsLoggedWithItsTableAndDuration() {
        Queue<SubstituteLoggingEvent> events = new LinkedBlockingQueue<>();
        EventRecordingLogger log = new EventRecordingLogger(new SubstituteLogger("test", events, true), events);
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(dynamoid().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new RequestLogging(log)))
                .build()) {
            client.listTables();
            assertThrows(ResourceNotFoundException.class, () -> client.describeTable(b -> b.tableName("no_such_table")));
            assertThrows(DynamoDbException.class, () -> client.batchGetItem(b -> b.requestItems(
                    Map.of("no_such_table", KeysAndAttributes.builder().keys(Map.of("id", AttributeValue.fromS("x"))).build()))));
        }

        List<String> lines = logged(events);
        assertEquals(3, lines.size());
        assertTrue(lines.get(2).startsWith("BatchGetItem no_such_table failed after"), lines.get(2));
        assertTrue(lines.get(0).matches("ListTables - \\d+ ms"), lines.get(0));
        assertTrue(lines.get(1).matches("DescribeTable no_such_table failed after \\d+ ms: .*"), lines.get(1));
    }
}
