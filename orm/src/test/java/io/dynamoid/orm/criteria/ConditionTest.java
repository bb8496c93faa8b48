package io.dynamoid.orm.criteria;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditionTest {

    @Test
    void eqOfNullMeansNull() {
        assertEquals(Condition.isNull(), Condition.eq(null));
    }

    @Test
    void inNeedsAValue() {
        assertThrows(IllegalArgumentException.class, () -> Condition.in(List.of()));
    }

    @Test
    void comparisonsNeedAValue() {
        assertThrows(NullPointerException.class, () -> Condition.gt(null));
        assertThrows(NullPointerException.class, () -> Condition.between(1, null));
    }

    @Test
    void onlyDynamoDbsSortKeyOperatorsAreKeyConditions() {
        assertTrue(Condition.Operator.BEGINS_WITH.isKeyCondition());
        assertTrue(Condition.Operator.BETWEEN.isKeyCondition());
        assertFalse(Condition.Operator.NE.isKeyCondition());
        assertFalse(Condition.Operator.IN.isKeyCondition());
    }
}
