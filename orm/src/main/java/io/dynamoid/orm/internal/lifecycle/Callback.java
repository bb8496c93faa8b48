package io.dynamoid.orm.internal.lifecycle;

import io.dynamoid.orm.AfterCommit;
import io.dynamoid.orm.AfterCreate;
import io.dynamoid.orm.AfterDestroy;
import io.dynamoid.orm.AfterFind;
import io.dynamoid.orm.AfterInitialize;
import io.dynamoid.orm.AfterRollback;
import io.dynamoid.orm.AfterSave;
import io.dynamoid.orm.AfterTouch;
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

import java.lang.annotation.Annotation;

/**
 * The lifecycle events. The first five wrap an action ({@link Callbacks#run}) with before, around and after
 * callbacks; the others are single moments ({@link Callbacks#fire}) with after callbacks only. Each kind of
 * callback is an annotation and, where {@code Model} declares one, a protected hook method (no-op by default).
 */
public enum Callback {
    VALIDATION(BeforeValidation.class, AroundValidation.class, AfterValidation.class, "beforeValidation", "afterValidation"),
    SAVE(BeforeSave.class, AroundSave.class, AfterSave.class, "beforeSave", "afterSave"),
    CREATE(BeforeCreate.class, AroundCreate.class, AfterCreate.class, "beforeCreate", "afterCreate"),
    UPDATE(BeforeUpdate.class, AroundUpdate.class, AfterUpdate.class, "beforeUpdate", "afterUpdate"),
    DESTROY(BeforeDestroy.class, AroundDestroy.class, AfterDestroy.class, "beforeDestroy", "afterDestroy"),
    AFTER_INITIALIZE(null, null, AfterInitialize.class, null, "afterInitialize"),
    AFTER_FIND(null, null, AfterFind.class, null, "afterFind"),
    AFTER_TOUCH(null, null, AfterTouch.class, null, "afterTouch"),
    AFTER_COMMIT(null, null, AfterCommit.class, null, "afterCommit"),
    AFTER_ROLLBACK(null, null, AfterRollback.class, null, "afterRollback");

    final Class<? extends Annotation> before;
    final Class<? extends Annotation> around;
    final Class<? extends Annotation> after;
    final String beforeHook;
    final String afterHook;

    Callback(Class<? extends Annotation> before, Class<? extends Annotation> around, Class<? extends Annotation> after,
             String beforeHook, String afterHook) {
        this.before = before;
        this.around = around;
        this.after = after;
        this.beforeHook = beforeHook;
        this.afterHook = afterHook;
    }

    /** Whether the event wraps an action (before/around/after) rather than being a single moment. */
    public boolean wrapsAction() {
        return before != null;
    }
}
