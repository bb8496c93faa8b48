package io.dynamoid.emulator.partiql;

import io.dynamoid.emulator.expressions.Ast.Condition;
import io.dynamoid.emulator.expressions.Ast.Operand;
import io.dynamoid.emulator.expressions.Ast.Path;
import io.dynamoid.emulator.protocol.AttrValue;

import java.util.List;
import java.util.Map;

/** A parsed PartiQL statement of DynamoDB's subset, its parameters already in place as literals. */
public sealed interface Statement {
    String table();

    /**
     * SELECT: {@code projection} null for {@code *}; {@code index}, {@code where} and {@code orderBy} null
     * when absent.
     */
    record Select(String table, String index, List<Path> projection, Condition where, OrderBy orderBy) implements Statement {
    }

    /** ORDER BY key [ASC|DESC]. */
    record OrderBy(String key, boolean descending) {
    }

    /**
     * EXISTS(SELECT ...): a transaction's condition check on the one item the SELECT names (Developer Guide,
     * "Using the EXISTS function with PartiQL for DynamoDB").
     */
    record Exists(Select select) implements Statement {
        @Override
        public String table() {
            return select.table();
        }
    }

    record Insert(String table, Map<String, AttrValue> item) implements Statement {
    }

    /**
     * UPDATE: SET ({@code value} given) and REMOVE ({@code value} null) in the order written;
     * {@code returning} null when there is no RETURNING clause.
     */
    record Update(String table, List<Assignment> assignments, Condition where, Returning returning) implements Statement {
    }

    /** RETURNING ALL|MODIFIED OLD|NEW *: the whole item or only the updated attributes, before or after. */
    record Returning(boolean all, boolean newValues) {
    }

    record Assignment(Path path, Operand value) {
    }

    /** DELETE; {@code returnOld} for RETURNING ALL OLD *. */
    record Delete(String table, Condition where, boolean returnOld) implements Statement {
    }
}
