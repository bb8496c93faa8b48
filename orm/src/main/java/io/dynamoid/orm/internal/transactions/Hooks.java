package io.dynamoid.orm.internal.transactions;

import java.util.List;

/**
 * How a transaction reaches a record's validation and callbacks, which live with the model; the public
 * transaction API supplies it.
 */
public interface Hooks {
    /** The callbacks around an action, as in a non-transactional save or destroy. */
    enum Phase { SAVE, CREATE, UPDATE, DESTROY }

    /** How a transaction a record took part in ended. */
    enum Outcome { COMMIT, ROLLBACK }

    /** Validates the record as a save would; throws {@code DocumentNotValidException} when it is invalid. */
    void validate(Object model);

    /**
     * Runs {@code action} inside the callbacks of these phases (outermost first: before callbacks, the action,
     * after callbacks), as a save or destroy would; throws when a callback halts, the action then not run.
     */
    void around(Object model, List<Phase> phases, Runnable action);

    /** Runs after_commit or after_rollback. */
    void after(Object model, Outcome outcome);
}
