package io.dynamoid.emulator.partiql;

import io.dynamoid.emulator.EmulatorTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;

import java.util.ArrayList;
import java.util.List;

import static io.dynamoid.emulator.partiql.PartiqlTables.fresh;
import static io.dynamoid.emulator.partiql.PartiqlTables.n;
import static io.dynamoid.emulator.partiql.PartiqlTables.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SELECT ... ORDER BY key [ASC|DESC] (Developer Guide, "PartiQL select statements for DynamoDB": "the hash
 * key or sort key to use to order returned results. The default order is ascending (ASC); specify DESC if
 * you want the results retuned in descending order.").
 */
class OrderByTest extends EmulatorTestBase {
    private static String table;

    @BeforeAll
    static void createTable() {
        table = uniqueTableName("partiql-order");
        PartiqlTables.createPkSkTable(client, table);
    }

    private static ExecuteStatementResponse sql(String statement, AttributeValue... parameters) {
        String text = statement.replace("$T", "\"" + table + "\"");
        return client.executeStatement(b -> b.statement(text).parameters(parameters.length == 0 ? null : List.of(parameters)));
    }

    private static String partitionOf(long... sortKeys) {
        String pk = fresh();
        for (long sk : sortKeys) sql("INSERT INTO $T VALUE {'pk': ?, 'sk': ?}", s(pk), n(sk));
        return pk;
    }

    private static List<AttributeValue> sortKeys(ExecuteStatementResponse response) {
        return response.items().stream().map(item -> item.get("sk")).toList();
    }

    @Test
    void orderByTheSortKeyIsAscendingByDefaultAndWithAsc() {
        String pk = partitionOf(2, 3, 1);
        assertEquals(List.of(n(1), n(2), n(3)), sortKeys(sql("SELECT sk FROM $T WHERE pk = ? ORDER BY sk", s(pk))));
        assertEquals(List.of(n(1), n(2), n(3)), sortKeys(sql("SELECT sk FROM $T WHERE pk = ? ORDER BY sk ASC", s(pk))));
    }

    @Test
    void orderByDescReturnsThePartitionInReverse() {
        String pk = partitionOf(2, 3, 1);
        assertEquals(List.of(n(3), n(2), n(1)), sortKeys(sql("SELECT sk FROM $T WHERE pk = ? ORDER BY sk DESC", s(pk))));
        assertEquals(List.of(n(2), n(1)), sortKeys(sql("SELECT sk FROM $T WHERE pk = ? AND sk < 3 ORDER BY \"sk\" DESC", s(pk))));
    }

    @Test
    void orderByDescPagesWithLimitAndNextToken() {
        String pk = partitionOf(1, 2, 3, 4, 5);
        List<AttributeValue> seen = new ArrayList<>();
        String token = null;
        do {
            String current = token;
            ExecuteStatementResponse page = client.executeStatement(b -> b.limit(2).nextToken(current)
                    .statement("SELECT sk FROM \"" + table + "\" WHERE pk = ? ORDER BY sk DESC").parameters(s(pk)));
            seen.addAll(sortKeys(page));
            token = page.nextToken();
        } while (token != null);
        assertEquals(List.of(n(5), n(4), n(3), n(2), n(1)), seen);
    }

    @Test
    void orderByNeedsAnEqualityOnThePartitionKeyAndAKeyAttribute() {
        // the message is ours: DynamoDB's wording for these refusals is not documented
        String message = "ORDER BY is only supported on a key attribute, with an equality on the partition key in the WHERE clause";
        String pk = partitionOf(1);
        assertDynamoError("ValidationException", message, () -> sql("SELECT * FROM $T ORDER BY sk"));
        assertDynamoError("ValidationException", message, () -> sql("SELECT * FROM $T WHERE sk = 1 ORDER BY sk"));
        assertDynamoError("ValidationException", message, () -> sql("SELECT * FROM $T WHERE pk = ? ORDER BY other", s(pk)));
    }
}
