package io.dynamoid.emulator.expressions;

import io.dynamoid.emulator.expressions.Ast.Condition;
import io.dynamoid.emulator.protocol.AttrValue;

import java.util.Map;
import java.util.Set;

/**
 * A bound condition — from a ConditionExpression, FilterExpression or KeyConditionExpression, or converted
 * from the legacy Expected / QueryFilter / ScanFilter parameters — ready to test items.
 */
public final class ConditionExpression {
    private final Condition condition;
    private final Set<String> pathHeads;
    private final Set<String> nestedPathHeads;

    ConditionExpression(Condition condition, Set<String> pathHeads, Set<String> nestedPathHeads) {
        this.condition = condition;
        this.pathHeads = pathHeads;
        this.nestedPathHeads = nestedPathHeads;
    }

    /** Whether the item (null when there is none) satisfies the condition. */
    public boolean matches(Map<String, AttrValue> item) {
        return Evaluator.matches(condition, item);
    }

    /** The bound tree: only names, indexes and literal values at its leaves. */
    public Condition ast() {
        return condition;
    }

    /** Top-level attributes the condition reads. */
    public Set<String> pathHeads() {
        return pathHeads;
    }

    /** Top-level attributes read through a nested path (a.b or a[0]). */
    public Set<String> nestedPathHeads() {
        return nestedPathHeads;
    }
}
