package io.dynamoid.orm.internal.lifecycle;

import io.dynamoid.orm.Model;
import io.dynamoid.orm.ModelDefinitionException;
import io.dynamoid.orm.OnCreate;
import io.dynamoid.orm.OnUpdate;
import io.dynamoid.orm.Violation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import org.hibernate.validator.HibernateValidator;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Checking a record: its Jakarta Bean Validation constraints (Hibernate Validator), then the messages of its
 * {@code validate(List)} hook. No callbacks here: {@code Model.isValid()} wraps this in the validation ones.
 */
public final class Validation {
    private static final Method VALIDATE_HOOK = validateHook();

    private Validation() {
    }

    /**
     * The violations of these groups (Default when none), ordered by property then message, followed by
     * the validate hook's messages (property null). Empty when the record is valid.
     */
    public static List<Violation> check(Model<?> model, Class<?>... groups) {
        Class<?>[] checked = groups.length == 0 ? new Class<?>[] {Default.class} : groups;
        List<Violation> violations = new ArrayList<>(ValidatorHolder.VALIDATOR.validate(model, checked).stream()
                .map(v -> new Violation(v.getPropertyPath().toString(), v.getMessage(), v.getInvalidValue()))
                .sorted(Comparator.comparing(Violation::property).thenComparing(Violation::message))
                .toList());
        List<String> messages = new ArrayList<>();
        CallbackMethods.invoke(VALIDATE_HOOK, model, messages);
        messages.stream().filter(Objects::nonNull).forEach(m -> violations.add(new Violation(null, m, null)));
        return List.copyOf(violations);
    }

    /** The groups a save checks: Default, and {@link OnCreate} for a new record or {@link OnUpdate} for an existing one. */
    public static Class<?>[] groupsFor(boolean creating) {
        return new Class<?>[] {Default.class, creating ? OnCreate.class : OnUpdate.class};
    }

    private static Method validateHook() {
        try {
            Method hook = Model.class.getDeclaredMethod("validate", List.class);
            hook.setAccessible(true);
            return hook;
        } catch (NoSuchMethodException e) {
            throw new ModelDefinitionException("Model has no validate(List) hook", e);
        }
    }

    /**
     * Built on first use (bootstrapping takes a moment). Messages are interpolated with Jakarta EL (Expressly),
     * as the built-in ones of @DecimalMin/@DecimalMax need.
     */
    private static final class ValidatorHolder {
        static final Validator VALIDATOR = jakarta.validation.Validation.byProvider(HibernateValidator.class).configure()
                .buildValidatorFactory()
                .getValidator();
    }
}
