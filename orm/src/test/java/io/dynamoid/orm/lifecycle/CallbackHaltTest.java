package io.dynamoid.orm.lifecycle;

import io.dynamoid.orm.AfterSave;
import io.dynamoid.orm.AroundSave;
import io.dynamoid.orm.BeforeCreate;
import io.dynamoid.orm.BeforeDestroy;
import io.dynamoid.orm.BeforeSave;
import io.dynamoid.orm.BeforeValidation;
import io.dynamoid.orm.DocumentNotValidException;
import io.dynamoid.orm.Finder;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.OrmTestBase;
import io.dynamoid.orm.Proceed;
import io.dynamoid.orm.RecordNotDestroyedException;
import io.dynamoid.orm.RecordNotSavedException;
import io.dynamoid.orm.internal.lifecycle.Callback;
import io.dynamoid.orm.internal.lifecycle.Callbacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A before callback returning false, or an around one not proceeding, halts: nothing is written. */
class CallbackHaltTest extends OrmTestBase {

    public static class Order extends Model<Order> {
        public static final Finder<Order> find = Finder.of(Order.class);
        public String status;
        transient boolean allowSave = true;
        transient boolean allowCreate = true;
        transient boolean allowValidation = true;
        transient boolean proceedAround = true;
        transient boolean allowDestroy = true;
        transient boolean failInBeforeSave;
        transient List<String> calls = new ArrayList<>();

        @BeforeValidation
        boolean checkValidation() {
            return allowValidation;
        }

        @BeforeSave
        boolean checkSave() {
            if (failInBeforeSave) {
                throw new IllegalStateException("refused by the callback");
            }
            return allowSave;
        }

        @BeforeSave
        void laterBeforeSave() {
            calls.add("later_before_save");
        }

        @AroundSave
        void maybeProceed(Proceed proceed) {
            if (proceedAround) {
                proceed.proceed();
            }
        }

        @BeforeCreate
        Boolean checkCreate() {
            return allowCreate;
        }

        @AfterSave
        void recordAfterSave() {
            calls.add("after_save");
        }

        @BeforeDestroy
        boolean checkDestroy() {
            return allowDestroy;
        }
    }

    @BeforeAll
    static void createTable() {
        dynamoid().createTables(Order.class); // halted saves never reach the write that would create it
    }

    private static Order order() {
        Order order = new Order();
        order.setId("order-" + System.nanoTime());
        order.status = "new";
        return order;
    }

    @Test
    void aBeforeSaveReturningFalseHaltsTheSave() {
        Order order = order();
        order.allowSave = false;

        assertFalse(order.save());

        assertTrue(order.isNewRecord());
        assertNull(storedItem(Order.class, idKey(order.getId())));
        assertEquals(List.of(), order.calls, "later before callbacks and after callbacks do not run");
    }

    @Test
    void aHaltedInnerEventHaltsTheOuterOne() {
        Order order = order();
        order.allowCreate = false;

        assertFalse(order.save());

        assertNull(storedItem(Order.class, idKey(order.getId())));
        assertEquals(List.of("later_before_save"), order.calls, "after_save does not run");
    }

    @Test
    void anAroundCallbackNotProceedingHaltsTheSave() {
        Order order = order();
        order.proceedAround = false;

        assertFalse(order.save());

        assertNull(storedItem(Order.class, idKey(order.getId())));
        assertFalse(order.calls.contains("after_save"));
    }

    @Test
    void aBeforeValidationReturningFalseMakesTheRecordInvalid() {
        Order order = order();
        order.allowValidation = false;

        assertFalse(order.isValid());
        assertFalse(order.save());
        assertThrows(DocumentNotValidException.class, order::saveOrThrow);
        assertNull(storedItem(Order.class, idKey(order.getId())));
    }

    @Test
    void saveOrThrowRaisesRecordNotSavedWhenHalted() {
        Order order = order();
        order.allowSave = false;

        assertThrows(RecordNotSavedException.class, order::saveOrThrow);
        assertNull(storedItem(Order.class, idKey(order.getId())));
    }

    @Test
    void anExceptionInACallbackPropagatesAndNothingIsWritten() {
        Order order = order();
        order.failInBeforeSave = true;

        IllegalStateException e = assertThrows(IllegalStateException.class, order::save);

        assertEquals("refused by the callback", e.getMessage());
        assertNull(storedItem(Order.class, idKey(order.getId())));
    }

    @Test
    void aBeforeDestroyReturningFalseKeepsTheItem() {
        Order order = order();
        order.saveOrThrow();
        order.allowDestroy = false;

        assertFalse(order.destroy());
        assertThrows(RecordNotDestroyedException.class, order::destroyOrThrow);

        assertFalse(order.isDestroyed());
        assertTrue(Order.find.exists(order.getId()));
    }

    @Test
    void theRunnerAnswersFalseWithoutRunningTheActionWhenHalted() {
        Order order = order();
        order.allowCreate = false;
        List<String> actions = new ArrayList<>();

        assertFalse(Callbacks.run(order, Callback.SAVE, Callback.CREATE, () -> actions.add("write")));
        assertTrue(Callbacks.run(order, Callback.SAVE, Callback.UPDATE, () -> actions.add("write")));

        assertEquals(List.of("write"), actions);
    }
}
