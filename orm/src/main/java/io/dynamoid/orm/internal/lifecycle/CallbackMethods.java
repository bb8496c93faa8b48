package io.dynamoid.orm.internal.lifecycle;

import io.dynamoid.orm.Model;
import io.dynamoid.orm.ModelDefinitionException;
import io.dynamoid.orm.Proceed;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The callbacks of one model class, found once by reflection (cached per class): for each event its before,
 * around and after methods. Per kind: the overridden protected hook of {@code Model} first, then the annotated
 * methods, a superclass's before its subclass's; within one class by method name (reflection does not keep
 * declaration order). A method overriding an annotated one is not added twice: the superclass's entry calls
 * the override.
 */
public final class CallbackMethods {
    private static final ClassValue<CallbackMethods> CACHE = new ClassValue<>() {
        @Override
        protected CallbackMethods computeValue(Class<?> type) {
            return new CallbackMethods(type);
        }
    };

    /** The callbacks of one event. */
    public record Chain(List<Method> before, List<Method> around, List<Method> after) {
    }

    private final Map<Callback, Chain> chains;

    /** The callbacks of a model class, found on first use and kept for the class's lifetime. */
    public static CallbackMethods of(Class<?> type) {
        return CACHE.get(type);
    }

    /** The before, around and after methods of an event (overridden protected hooks included). */
    public Chain chain(Callback event) {
        return chains.get(event);
    }

    private CallbackMethods(Class<?> type) {
        List<Class<?>> hierarchy = hierarchyBelowModel(type);
        Map<Callback, Chain> byEvent = new EnumMap<>(Callback.class);
        for (Callback event : Callback.values()) {
            List<Method> before = new ArrayList<>();
            List<Method> after = new ArrayList<>();
            addHook(before, type, event.beforeHook);
            addHook(after, type, event.afterHook);
            byEvent.put(event, new Chain(
                    annotated(before, hierarchy, event.before, Kind.BEFORE),
                    annotated(new ArrayList<>(), hierarchy, event.around, Kind.AROUND),
                    annotated(after, hierarchy, event.after, Kind.AFTER)));
        }
        this.chains = Map.copyOf(byEvent);
    }

    private enum Kind { BEFORE, AROUND, AFTER }

    /** The protected hook of Model, when the class overrides it (the no-op default is not worth a call). */
    private static void addHook(List<Method> methods, Class<?> type, String name) {
        if (name == null) {
            return;
        }
        for (Class<?> c = type; c != Model.class; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod(name);
                Method hook = Model.class.getDeclaredMethod(name);
                hook.setAccessible(true);
                methods.add(hook); // invoked on the record, so the override runs
                return;
            } catch (NoSuchMethodException e) {
                // not overridden at this level
            }
        }
    }

    private static List<Method> annotated(List<Method> into, List<Class<?>> hierarchy, Class<? extends Annotation> annotation, Kind kind) {
        if (annotation == null) {
            return List.of();
        }
        Set<String> overridable = new HashSet<>();
        for (Class<?> c : hierarchy) {
            Method[] declared = c.getDeclaredMethods();
            Arrays.sort(declared, Comparator.comparing(Method::getName).thenComparing(m -> Arrays.toString(m.getParameterTypes())));
            for (Method m : declared) {
                if (m.isSynthetic() || m.isBridge() || !m.isAnnotationPresent(annotation)) {
                    continue;
                }
                String signature = m.getName() + Arrays.toString(m.getParameterTypes());
                if (!Modifier.isPrivate(m.getModifiers()) && !overridable.add(signature)) {
                    continue; // overrides an annotated method already in the chain
                }
                requireShape(m, annotation, kind);
                m.setAccessible(true);
                into.add(m);
            }
        }
        return List.copyOf(into);
    }

    private static void requireShape(Method m, Class<? extends Annotation> annotation, Kind kind) {
        String problem = null;
        if (Modifier.isStatic(m.getModifiers())) {
            problem = "must not be static";
        } else if (kind == Kind.AROUND && (m.getParameterCount() != 1 || m.getParameterTypes()[0] != Proceed.class)) {
            problem = "must take exactly one " + Proceed.class.getSimpleName() + " parameter";
        } else if (kind != Kind.AROUND && m.getParameterCount() != 0) {
            problem = "must take no parameter";
        } else if (kind == Kind.BEFORE && !(m.getReturnType() == void.class || m.getReturnType() == boolean.class
                || m.getReturnType() == Boolean.class)) {
            problem = "must return void or boolean (false halts)";
        }
        if (problem != null) {
            throw new ModelDefinitionException("@" + annotation.getSimpleName() + " method " + m.getDeclaringClass().getSimpleName()
                    + "." + m.getName() + " " + problem);
        }
    }

    private static List<Class<?>> hierarchyBelowModel(Class<?> type) {
        Deque<Class<?>> classes = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Model.class && c != Object.class; c = c.getSuperclass()) {
            classes.addFirst(c);
        }
        return List.copyOf(classes);
    }

    /** Calls a callback method, letting its unchecked exceptions through unchanged. */
    static Object invoke(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new UndeclaredThrowableException(cause, "Callback " + method.getName() + " failed");
        } catch (IllegalAccessException e) {
            throw new ModelDefinitionException("Cannot call callback " + method, e);
        }
    }
}
