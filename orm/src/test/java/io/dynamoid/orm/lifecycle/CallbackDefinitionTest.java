package io.dynamoid.orm.lifecycle;

import io.dynamoid.orm.AfterSave;
import io.dynamoid.orm.AroundSave;
import io.dynamoid.orm.BeforeSave;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.ModelDefinitionException;
import io.dynamoid.orm.OrmTestBase;
import io.dynamoid.orm.Proceed;
import io.dynamoid.orm.internal.lifecycle.Callback;
import io.dynamoid.orm.internal.lifecycle.CallbackMethods;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inherited callbacks, overrides, the per-class cache and malformed callback methods. */
class CallbackDefinitionTest extends OrmTestBase {

    public abstract static class Audited<T extends Audited<T>> extends Model<T> {
        transient List<String> calls = new ArrayList<>();

        @BeforeSave
        void parentBeforeSave() {
            calls.add("parent:before_save");
        }

        @AfterSave
        protected void stamp() {
            calls.add("parent:stamp");
        }
    }

    public static class Invoice extends Audited<Invoice> {
        public String number;

        @BeforeSave
        void childBeforeSave() {
            calls.add("child:before_save");
        }

        @Override
        protected void stamp() {
            calls.add("child:stamp");
        }
    }

    public static class BadAround extends Model<BadAround> {
        @AroundSave
        void noProceed() {
        }
    }

    public static class BadBefore extends Model<BadBefore> {
        @BeforeSave
        String returnsText() {
            return "no";
        }
    }

    @Test
    void inheritedCallbacksRunBeforeTheSubclassOnes() {
        Invoice invoice = new Invoice();
        invoice.number = "F-1";

        assertTrue(invoice.save());

        assertEquals(List.of("parent:before_save", "child:before_save", "child:stamp"), invoice.calls);
    }

    @Test
    void anOverrideOfAnAnnotatedMethodRunsOnceInItsParentsPlace() {
        List<String> afterSave = CallbackMethods.of(Invoice.class).chain(Callback.SAVE).after().stream()
                .map(m -> m.getName()).toList();

        assertEquals(List.of("stamp"), afterSave);
    }

    @Test
    void callbacksAreScannedOncePerClass() {
        assertSame(CallbackMethods.of(Invoice.class), CallbackMethods.of(Invoice.class));
        assertSame(CallbackMethods.of(Invoice.class).chain(Callback.SAVE), CallbackMethods.of(Invoice.class).chain(Callback.SAVE));
    }

    @Test
    void anAroundCallbackWithoutAProceedParameterIsAModelDefinitionError() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class, () -> new BadAround().save());

        assertEquals("@AroundSave method BadAround.noProceed must take exactly one " + Proceed.class.getSimpleName()
                + " parameter", e.getMessage());
    }

    @Test
    void aBeforeCallbackReturningNeitherVoidNorBooleanIsAModelDefinitionError() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class, () -> new BadBefore().save());

        assertEquals("@BeforeSave method BadBefore.returnsText must return void or boolean (false halts)", e.getMessage());
    }
}
