package io.dynamoid.orm.lifecycle;

import io.dynamoid.orm.AfterCreate;
import io.dynamoid.orm.AfterDestroy;
import io.dynamoid.orm.AfterSave;
import io.dynamoid.orm.AfterUpdate;
import io.dynamoid.orm.AfterValidation;
import io.dynamoid.orm.AroundCreate;
import io.dynamoid.orm.AroundDestroy;
import io.dynamoid.orm.AroundSave;
import io.dynamoid.orm.AroundUpdate;
import io.dynamoid.orm.AroundValidation;
import io.dynamoid.orm.BeforeCreate;
import io.dynamoid.orm.BeforeDestroy;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** Overridden protected hooks and annotated methods together. */
    public static class Task extends Model<Task> {
        public static final Finder<Task> find = Finder.of(Task.class);
        public String title;
        transient List<String> calls = new ArrayList<>();
        transient boolean storedDuringAround;

        @Override
        protected void beforeSave() {
            calls.add("hook:beforeSave");
        }

        @Override
        protected void afterSave() {
            calls.add("hook:afterSave");
        }

        @BeforeSave
        void annotatedBeforeSave() {
            calls.add("@BeforeSave");
        }

        @AfterSave
        void annotatedAfterSave() {
            calls.add("@AfterSave");
        }

        @Override
        protected void beforeDestroy() {
            calls.add("hook:beforeDestroy");
        }

        @BeforeDestroy
        void annotatedBeforeDestroy() {
            calls.add("@BeforeDestroy");
        }

        @AroundDestroy
        void aroundDestroy(Proceed proceed) {
            calls.add("@AroundDestroy:begin");
            proceed.proceed();
            storedDuringAround = find.exists(getId());
            calls.add("@AroundDestroy:end");
        }

        @AfterDestroy
        void annotatedAfterDestroy() {
            calls.add("@AfterDestroy");
        }

        @Override
        protected void afterDestroy() {
            calls.add("hook:afterDestroy");
        }
    }

    @Test
    void anOverriddenHookRunsBeforeTheAnnotatedCallbacksOfItsKind() {
        Task task = new Task();
        task.title = "write tests";

        task.save();

        assertEquals(List.of("hook:beforeSave", "@BeforeSave", "hook:afterSave", "@AfterSave"), task.calls);
    }

    @Test
    void destroyRunsItsCallbacksAroundTheDelete() {
        Task task = new Task();
        task.title = "done";
        task.save();
        task.calls.clear();

        assertTrue(task.destroy());

        assertEquals(List.of("hook:beforeDestroy", "@BeforeDestroy", "@AroundDestroy:begin", "@AroundDestroy:end",
                "hook:afterDestroy", "@AfterDestroy"), task.calls);
        assertFalse(task.storedDuringAround, "the delete happens inside proceed()");
        assertTrue(task.isDestroyed());
    }
}
