package io.dynamoid.orm;

import io.dynamoid.orm.internal.transactions.Hooks;

import java.util.ArrayList;
import java.util.List;

/** A transaction's way to a record's validation and callbacks, which are the model's protected hooks. */
final class ModelHooks implements Hooks {
    static final ModelHooks INSTANCE = new ModelHooks();

    private ModelHooks() {
    }

    @Override
    public void validate(Object model) {
        Model<?> record = (Model<?>) model;
        List<String> errors = new ArrayList<>();
        record.validate(errors);
        if (!errors.isEmpty()) {
            throw new DocumentNotValidException(record, errors);
        }
    }

    @Override
    public void around(Object model, List<Phase> phases, Runnable action) {
        Model<?> record = (Model<?>) model;
        phases.forEach(phase -> before(record, phase));
        action.run();
        for (int i = phases.size() - 1; i >= 0; i--) {
            after(record, phases.get(i));
        }
    }

    @Override
    public void after(Object model, Outcome outcome) {
    }

    private static void before(Model<?> record, Phase phase) {
        switch (phase) {
            case SAVE -> record.beforeSave();
            case CREATE -> record.beforeCreate();
            case UPDATE -> record.beforeUpdate();
            case DESTROY -> record.beforeDestroy();
        }
    }

    private static void after(Model<?> record, Phase phase) {
        switch (phase) {
            case SAVE -> record.afterSave();
            case CREATE -> record.afterCreate();
            case UPDATE -> record.afterUpdate();
            case DESTROY -> record.afterDestroy();
        }
    }
}
