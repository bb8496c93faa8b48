package io.dynamoid.emulator.partiql;

import io.dynamoid.emulator.EmulatorTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.dynamoid.emulator.partiql.PartiqlTables.fresh;
import static io.dynamoid.emulator.partiql.PartiqlTables.n;
import static io.dynamoid.emulator.partiql.PartiqlTables.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * set_add and set_delete in UPDATE ... SET (Developer Guide, "PartiQL update statements for DynamoDB":
 * "SET_ADD: adds a value to a number or string set. SET_DELETE: removes a value from a number or string set.";
 * "PartiQL data types for DynamoDB" shows {@code SET NumberSetType = SET_ADD(NumberSetType, <<345, 48.4>>)}).
 */
class SetFunctionsTest extends EmulatorTestBase {
    private static String table;

    @BeforeAll
    static void createTable() {
        table = uniqueTableName("partiql-sets");
        PartiqlTables.createPkSkTable(client, table);
    }

    private static ExecuteStatementResponse sql(String statement, AttributeValue... parameters) {
        String text = statement.replace("$T", "\"" + table + "\"");
        return client.executeStatement(b -> b.statement(text).parameters(parameters.length == 0 ? null : List.of(parameters)));
    }

    private static Map<String, AttributeValue> get(String pk) {
        return client.getItem(b -> b.tableName(table).key(Map.of("pk", s(pk), "sk", n(1)))).item();
    }

    private static String itemWithSets() {
        String pk = fresh();
        sql("INSERT INTO $T VALUE {'pk': ?, 'sk': 1, 'tags': <<'a', 'b'>>, 'scores': <<1, 2>>, 'name': 'x'}", s(pk));
        return pk;
    }

    @Test
    void setAddAddsMembersToAStringSet() {
        String pk = itemWithSets();
        sql("UPDATE $T SET tags = set_add(tags, <<'b', 'c'>>) WHERE pk = ? AND sk = 1", s(pk));
        assertEquals(Set.of("a", "b", "c"), Set.copyOf(get(pk).get("tags").ss()));
    }

    @Test
    void setAddAddsMembersToANumberSetFromAParameter() {
        String pk = itemWithSets();
        sql("UPDATE $T SET scores = SET_ADD(scores, ?) WHERE pk = ? AND sk = 1", AttributeValue.fromNs(List.of("3", "4.5")), s(pk));
        assertEquals(Set.of("1", "2", "3", "4.5"), Set.copyOf(get(pk).get("scores").ns()));
    }

    @Test
    void setDeleteRemovesMembers() {
        String pk = itemWithSets();
        sql("UPDATE $T SET tags = set_delete(tags, <<'a', 'z'>>) WHERE pk = ? AND sk = 1", s(pk));
        assertEquals(List.of("b"), get(pk).get("tags").ss());
    }

    @Test
    void setDeleteOfEveryMemberRemovesTheAttribute() {
        // DynamoDB stores no empty sets: like UpdateExpression's DELETE, the attribute goes away
        String pk = itemWithSets();
        sql("UPDATE $T SET scores = set_delete(scores, <<1, 2>>) WHERE pk = ? AND sk = 1", s(pk));
        assertFalse(get(pk).containsKey("scores"));
    }

    @Test
    void setFunctionsNeedSetsOfOneType() {
        // UpdateExpression's message for an operand of the wrong type (UpdateItem ADD/DELETE on a mismatched set)
        String pk = itemWithSets();
        String message = "An operand in the update expression has an incorrect data type";
        assertDynamoError("ValidationException", message,
                () -> sql("UPDATE $T SET name = set_add(name, <<'a'>>) WHERE pk = ? AND sk = 1", s(pk)));
        assertDynamoError("ValidationException", message,
                () -> sql("UPDATE $T SET tags = set_add(tags, <<1>>) WHERE pk = ? AND sk = 1", s(pk)));
        assertDynamoError("ValidationException", message,
                () -> sql("UPDATE $T SET tags = set_delete(tags, 'a') WHERE pk = ? AND sk = 1", s(pk)));
        assertEquals(Set.of("a", "b"), Set.copyOf(get(pk).get("tags").ss()));
    }
}
