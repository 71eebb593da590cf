package club.twinning.platform.problem;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Finds the query parameter that RESTEasy could not convert to its declared type (it answers such a failure with a
 * bare NotFoundException, as Jakarta REST prescribes, without naming the parameter): each value is read again the
 * way Jakarta REST reads it (a constructor, {@code valueOf}, {@code fromString}, or {@code parse} for java.time).
 */
final class QueryParameters {

    private QueryParameters() {
    }

    /** The first query parameter of the method whose value does not read as its type; empty if none (or unknown). */
    static Optional<Problem.FieldError> badlyTyped(Method method, MultivaluedMap<String, String> query) {
        for (Parameter parameter : method.getParameters()) {
            String name = name(parameter);
            List<String> values = name == null ? null : query.get(name);
            if (values == null || values.isEmpty()) {
                continue;
            }
            Class<?> type = elementType(parameter.getParameterizedType());
            for (String value : values) {
                if (!readable(type, value)) {
                    return Optional.of(new Problem.FieldError(name, "'" + shorten(value) + "' is not "
                            + article(type) + " " + type.getSimpleName()));
                }
            }
        }
        return Optional.empty();
    }

    private static String name(Parameter parameter) {
        QueryParam query = parameter.getAnnotation(QueryParam.class);
        if (query != null) {
            return query.value();
        }
        RestQuery rest = parameter.getAnnotation(RestQuery.class);
        if (rest != null) {
            return rest.value().isEmpty() ? parameter.getName() : rest.value();
        }
        return null;
    }

    /** List<Integer> and Optional<UUID> are read element by element. */
    private static Class<?> elementType(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && (Collection.class.isAssignableFrom(raw) || raw == Optional.class)
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            return raw;
        }
        return type instanceof Class<?> c ? c : String.class;
    }

    private static boolean readable(Class<?> type, String value) {
        Class<?> boxed = box(type);
        if (boxed == String.class || boxed == Object.class || boxed == CharSequence.class || boxed == Boolean.class) {
            return true; // Boolean.valueOf reads anything
        }
        if (boxed == Character.class) {
            return value.length() == 1;
        }
        try {
            for (String factory : List.of("valueOf", "fromString")) {
                Method m = staticMethod(boxed, factory, String.class);
                if (m != null) {
                    m.invoke(null, value);
                    return true;
                }
            }
            Method parse = staticMethod(boxed, "parse", CharSequence.class);
            if (parse != null) {
                parse.invoke(null, value);
                return true;
            }
            Constructor<?> constructor = boxed.getConstructor(String.class);
            constructor.newInstance(value);
            return true;
        } catch (NoSuchMethodException e) {
            return true; // a type read by a ParamConverter of its own: cannot tell
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static Method staticMethod(Class<?> type, String name, Class<?> argument) {
        try {
            Method m = type.getMethod(name, argument);
            return Modifier.isStatic(m.getModifiers()) ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "boolean" -> Boolean.class;
            case "char" -> Character.class;
            default -> type;
        };
    }

    private static String article(Class<?> type) {
        return "AEIOUaeiou".indexOf(type.getSimpleName().charAt(0)) >= 0 ? "an" : "a";
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
