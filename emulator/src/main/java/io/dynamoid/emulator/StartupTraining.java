package io.dynamoid.emulator;

import io.dynamoid.emulator.server.Main;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The training run for the jar's class-data-sharing archive (see emulator/pom.xml): starts an emulator as
 * {@link Main} does, sends it the common requests once, and exits, so that
 * {@code java -XX:ArchiveClassesAtExit=dynamoid-emulator.jsa -cp dynamoid-emulator.jar io.dynamoid.emulator.StartupTraining}
 * records every class a start and a first request of each kind load. A JVM started with that archive maps
 * those classes ready-parsed and verified instead of reading them from the jar. Not part of the API.
 */
public final class StartupTraining {
    private static final String TABLE = "{\"TableName\":\"training\"";
    /** Every request is valid but one (answered 400): a failing training means a broken emulator. */
    private static final String[][] REQUESTS = {
            {"ListTables", "{}"},
            {"CreateTable", TABLE + ",\"BillingMode\":\"PAY_PER_REQUEST\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\","
                    + "\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}],\"KeySchema\":[{\"AttributeName\":"
                    + "\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}]}"},
            {"DescribeTable", TABLE + "}"},
            {"PutItem", TABLE + ",\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"tags\":{\"SS\":[\"x\",\"y\"]},"
                    + "\"doc\":{\"M\":{\"n\":{\"N\":\"1.5\"},\"l\":{\"L\":[{\"BOOL\":true},{\"NULL\":true},{\"B\":\"AQI=\"}]}}}}}"},
            {"GetItem", TABLE + ",\"Key\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}}}"},
            {"UpdateItem", TABLE + ",\"Key\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}},\"UpdateExpression\":\"SET #c = :one ADD #n :one\","
                    + "\"ConditionExpression\":\"attribute_exists(pk)\",\"ExpressionAttributeNames\":{\"#c\":\"c\",\"#n\":\"n\"},"
                    + "\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"}},\"ReturnValues\":\"ALL_NEW\"}"},
            {"Query", TABLE + ",\"KeyConditionExpression\":\"pk = :pk AND sk BETWEEN :a AND :b\",\"ExpressionAttributeValues\":"
                    + "{\":pk\":{\"S\":\"a\"},\":a\":{\"N\":\"0\"},\":b\":{\"N\":\"9\"}}}"},
            {"Scan", TABLE + ",\"Limit\":10}"},
            {"BatchWriteItem", "{\"RequestItems\":{\"training\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"b\"},\"sk\":{\"N\":\"2\"}}}}]}}"},
            {"BatchGetItem", "{\"RequestItems\":{\"training\":{\"Keys\":[{\"pk\":{\"S\":\"b\"},\"sk\":{\"N\":\"2\"}}]}}}"},
            {"DeleteItem", TABLE + ",\"Key\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}}}"},
            {"GetItem", TABLE + "}", "400"}, // no Key: a validation error
            {"DeleteTable", TABLE + "}"},
    };

    private StartupTraining() {
    }

    public static void main(String[] args) {
        Main.configureProcess();
        try (Emulator emulator = Emulator.builder().port(0).start()) {
            Main.started();
            for (String[] request : REQUESTS) send(emulator.port(), request[0], request[1], request.length > 2 ? request[2] : "200");
        }
        System.exit(0);
    }

    private static void send(int port, String operation, String body, String status) {
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/x-amz-json-1.0\r\n"
                + "X-Amz-Target: DynamoDB_20120810." + operation + "\r\nX-Amz-Date: 20260101T000000Z\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=training/20260101/us-east-1/dynamodb/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=0\r\nContent-Length: " + json.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!answer.startsWith("HTTP/1.1 " + status + " ")) throw new IllegalStateException(operation + " answered: " + answer);
        } catch (IOException e) {
            throw new UncheckedIOException(operation, e);
        }
    }
}
