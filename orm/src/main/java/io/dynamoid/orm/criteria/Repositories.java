package io.dynamoid.orm.criteria;

import io.dynamoid.orm.Finder;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.ModelDefinitionException;
import io.dynamoid.orm.internal.criteria.DerivedQuery;
import io.dynamoid.orm.internal.meta.ModelMeta;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Derived finders: an interface whose method names say the query, implemented by a proxy.
 * <pre>{@code
 * interface UserRepository {
 *     List<User> findByCity(String city);
 *     Optional<User> findFirstByCityAndAgeGreaterThanOrderByCreatedAtDesc(String city, int age);
 *     long countByCity(String city);
 *     boolean existsByEmail(String email);
 *     long deleteByCity(String city);
 * }
 * UserRepository users = Repositories.of(UserRepository.class, User.find);
 * }</pre>
 * Each method becomes a {@link Chain} (so the planner picks the key schema): {@code find} returns List, Stream,
 * Chain, Optional or the model (first match or null); {@code findFirst} Optional or the model; {@code count} and
 * {@code delete} a number; {@code exists} a boolean. Operator suffixes: GreaterThan, GreaterThanEqual, LessThan,
 * LessThanEqual, Between, StartingWith, Containing, NotContaining, In, Not, IsNull, IsNotNull (none: equals).
 * Every method is checked when the repository is created: an unknown field, a wrong number of arguments or an
 * OrderBy on a non-range-key field is a {@link ModelDefinitionException} then. Default methods run as written.
 */
public final class Repositories {
    private Repositories() {
    }

    public static <R, T extends Model<?>> R of(Class<R> repository, Finder<T> finder) {
        if (!repository.isInterface()) {
            throw new ModelDefinitionException(repository.getName() + " is not an interface");
        }
        ModelMeta meta = ModelMeta.of(finder.type());
        Map<Method, DerivedQuery> queries = new HashMap<>();
        for (Method method : repository.getMethods()) {
            if (!method.isDefault() && method.getDeclaringClass() != Object.class) {
                DerivedQuery query = DerivedQuery.parse(method, meta);
                requireReturnType(method, query);
                queries.put(method, query);
            }
        }
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> repository.getSimpleName() + " of " + finder.type().getSimpleName();
                };
            }
            return run(queries.get(method), method, finder, args == null ? new Object[0] : args);
        };
        return repository.cast(Proxy.newProxyInstance(repository.getClassLoader(), new Class<?>[] {repository}, handler));
    }

    private static <T extends Model<?>> Object run(DerivedQuery query, Method method, Finder<T> finder, Object[] args) {
        Chain<T> chain = finder.query();
        int next = 0;
        for (DerivedQuery.Part part : query.parts()) {
            Object[] values = java.util.Arrays.copyOfRange(args, next, next + part.arity());
            next += part.arity();
            chain = chain.where(part.field(), part.condition().apply(values));
        }
        if (query.descending()) {
            chain = chain.descending();
        }
        Class<?> returns = method.getReturnType();
        return switch (query.action()) {
            case COUNT -> number(chain.count(), returns);
            case DELETE -> number(chain.deleteAll(), returns);
            case EXISTS -> chain.exists();
            case FIND_FIRST -> returns == Optional.class ? chain.first() : chain.first().orElse(null);
            case FIND -> {
                if (returns == List.class) {
                    yield chain.all();
                }
                if (returns == Stream.class) {
                    yield chain.stream();
                }
                if (returns == Chain.class) {
                    yield chain;
                }
                yield returns == Optional.class ? chain.first() : chain.first().orElse(null);
            }
        };
    }

    private static Object number(long n, Class<?> returns) {
        return returns == int.class || returns == Integer.class ? (Object) Math.toIntExact(n) : (Object) n;
    }

    private static void requireReturnType(Method method, DerivedQuery query) {
        Class<?> r = method.getReturnType();
        boolean ok = switch (query.action()) {
            case COUNT, DELETE -> r == long.class || r == Long.class || r == int.class || r == Integer.class;
            case EXISTS -> r == boolean.class || r == Boolean.class;
            case FIND_FIRST -> r == Optional.class || Model.class.isAssignableFrom(r);
            case FIND -> r == List.class || r == Stream.class || r == Chain.class || r == Optional.class || Model.class.isAssignableFrom(r);
        };
        if (!ok) {
            throw new ModelDefinitionException(method.getDeclaringClass().getSimpleName() + "." + method.getName()
                    + ": cannot return " + r.getSimpleName() + " for a " + query.action().name().toLowerCase() + " query");
        }
    }
}
