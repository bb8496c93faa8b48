package io.dynamoid.orm.lifecycle;

import io.dynamoid.orm.AfterCreate;
import io.dynamoid.orm.AfterSave;
import io.dynamoid.orm.AfterUpdate;
import io.dynamoid.orm.AfterValidation;
import io.dynamoid.orm.AroundCreate;
import io.dynamoid.orm.AroundSave;
import io.dynamoid.orm.AroundUpdate;
import io.dynamoid.orm.AroundValidation;
import io.dynamoid.orm.BeforeCreate;
import io.dynamoid.orm.BeforeSave;
import io.dynamoid.orm.BeforeUpdate;
import io.dynamoid.orm.BeforeValidation;
import io.dynamoid.orm.Finder;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.OrmTestBase;
import io.dynamoid.orm.Proceed;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order of the save callbacks, as ActiveRecord and Dynamoid run them. */
class CallbackOrderTest extends OrmTestBase {

    public static class Note extends Model<Note> {
        public static final Finder<Note> find = Finder.of(Note.class);
        public String text;
        transient List<String> calls = new ArrayList<>();
        /** Whether the item existed when the around-create callback proceeded and returned. */
        transient boolean storedAfterProceed;

        @Override
        protected void validate(List<String> errors) {
            calls.add("validate");
        }

        @BeforeValidation
        void beforeValidation1() {
            calls.add("before_validation");
        }

        @AroundValidation
        void aroundValidation1(Proceed proceed) {
            calls.add("around_validation:begin");
            proceed.proceed();
            calls.add("around_validation:end");
        }

        @AfterValidation
        void afterValidation1() {
            calls.add("after_validation");
        }

        @BeforeSave
        void beforeSave1() {
            calls.add("before_save");
        }

        @AroundSave
        void aroundSave1(Proceed proceed) {
            calls.add("around_save:begin");
            proceed.proceed();
            calls.add("around_save:end");
        }

        @AfterSave
        void afterSave1() {
            calls.add("after_save");
        }

        @BeforeCreate
        void beforeCreate1() {
            calls.add("before_create");
        }

        @AroundCreate
        void aroundCreate1(Proceed proceed) {
            calls.add("around_create:begin");
            proceed.proceed();
            storedAfterProceed = find.exists(getId());
            calls.add("around_create:end");
        }

        @AfterCreate
        void afterCreate1() {
            calls.add("after_create");
        }

        @BeforeUpdate
        void beforeUpdate1() {
            calls.add("before_update");
        }

        @AroundUpdate
        void aroundUpdate1(Proceed proceed) {
            calls.add("around_update:begin");
            proceed.proceed();
            calls.add("around_update:end");
        }

        @AfterUpdate
        void afterUpdate1() {
            calls.add("after_update");
        }
    }

    @Test
    void creatingRunsValidationThenSaveThenCreateCallbacksAroundTheWrite() {
        Note note = new Note();
        note.text = "hello";

        assertTrue(note.save());

        assertEquals(List.of("before_validation", "around_validation:begin", "validate", "around_validation:end",
                "after_validation", "before_save", "around_save:begin", "before_create", "around_create:begin",
                "around_create:end", "after_create", "around_save:end", "after_save"), note.calls);
        assertTrue(note.storedAfterProceed, "the write happens inside proceed()");
    }

    @Test
    void updatingRunsTheUpdateCallbacksInsteadOfTheCreateOnes() {
        Note note = new Note();
        note.text = "hello";
        note.save();
        note.calls.clear();
        note.text = "changed";

        assertTrue(note.save());

        assertEquals(List.of("before_validation", "around_validation:begin", "validate", "around_validation:end",
                "after_validation", "before_save", "around_save:begin", "before_update", "around_update:begin",
                "around_update:end", "after_update", "around_save:end", "after_save"), note.calls);
        assertEquals("changed", Note.find.byId(note.getId()).text);
    }
}
