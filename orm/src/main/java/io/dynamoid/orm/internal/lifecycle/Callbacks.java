package io.dynamoid.orm.internal.lifecycle;

import io.dynamoid.orm.Model;
import io.dynamoid.orm.Proceed;

import java.lang.reflect.Method;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs a record's callbacks (annotated methods and overridden protected hooks of {@code Model}).
 *
 * <p>For an event wrapping an action: before callbacks in order; then the around callbacks, the first one
 * outermost, each calling {@link Proceed#proceed()} to go on; the action in the innermost; then the after
 * callbacks in order. The chain halts, and {@code run} answers false, when a before callback returns
 * {@code false} or an around callback does not proceed: the action and the after callbacks do not run.
 * An exception from a callback or the action goes through unchanged.
 */
public final class Callbacks {
    private Callbacks() {
    }

    /** Runs the action inside the event's callbacks; false when a callback halted (then the action did not run). */
    public static boolean run(Model<?> model, Callback event, Runnable action) {
        return chain(model, event, () -> {
            action.run();
            return true;
        });
    }

    /**
     * Runs the action inside two nested events, e.g. {@code SAVE} then {@code CREATE}: before-save, around-save,
     * before-create, around-create, action, after-create, after-save. False when any callback halted.
     */
    public static boolean run(Model<?> model, Callback outer, Callback inner, Runnable action) {
        return chain(model, outer, () -> run(model, inner, action));
    }

    /** Runs the after callbacks of a single moment (AFTER_FIND, AFTER_INITIALIZE, AFTER_TOUCH, AFTER_COMMIT...). */
    public static void fire(Model<?> model, Callback event) {
        if (event.wrapsAction()) {
            throw new IllegalArgumentException(event + " wraps an action: use run");
        }
        for (Method after : CallbackMethods.of(model.getClass()).chain(event).after()) {
            CallbackMethods.invoke(after, model);
        }
    }

    /** What a record loaded from the table goes through: after-find, then after-initialize callbacks. */
    public static void loaded(Model<?> model) {
        fire(model, Callback.AFTER_FIND);
        fire(model, Callback.AFTER_INITIALIZE);
    }

    private static boolean chain(Model<?> model, Callback event, BooleanSupplier action) {
        if (!event.wrapsAction()) {
            throw new IllegalArgumentException(event + " is a single moment: use fire");
        }
        CallbackMethods.Chain chain = CallbackMethods.of(model.getClass()).chain(event);
        for (Method before : chain.before()) {
            if (Boolean.FALSE.equals(CallbackMethods.invoke(before, model))) {
                return false;
            }
        }
        if (!around(model, chain.around(), 0, action)) {
            return false;
        }
        for (Method after : chain.after()) {
            CallbackMethods.invoke(after, model);
        }
        return true;
    }

    /** The around callbacks from index {@code i} wrapped around the action; false when one did not proceed. */
    private static boolean around(Model<?> model, List<Method> arounds, int i, BooleanSupplier action) {
        if (i == arounds.size()) {
            return action.getAsBoolean();
        }
        boolean[] proceeded = {false};
        boolean[] completed = {false};
        Proceed proceed = () -> {
            if (proceeded[0]) {
                throw new IllegalStateException(arounds.get(i).getName() + " proceeded twice");
            }
            proceeded[0] = true;
            completed[0] = around(model, arounds, i + 1, action);
        };
        CallbackMethods.invoke(arounds.get(i), model, proceed);
        return completed[0];
    }
}
