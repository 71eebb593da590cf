package club.twinning.events.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Compares a payload record with its schema in the document, component by component: names, the JSON type
 * (and format) Jackson writes for the Java type, {@code required}, and that a primitive is never nullable.
 * Nested records are compared with the schema their property refers to.
 */
final class RecordSchemas {

    private final AsyncApiDocument doc;
    private final Set<Class<?>> seen = new HashSet<>();
    final List<String> problems = new ArrayList<>();

    RecordSchemas(AsyncApiDocument doc) {
        this.doc = doc;
    }

    void compare(Class<?> record, String schemaName) {
        if (!seen.add(record)) {
            return;
        }
        String where = schemaName + " (" + record.getSimpleName() + ")";
        if (!record.getSimpleName().equals(schemaName)) {
            problems.add(where + ": the schema is not named after the record");
        }
        JsonNode schema = doc.schema(schemaName);
        if (schema.isMissingNode()) {
            problems.add(where + ": no such schema in components.schemas");
            return;
        }
        Set<String> components = new LinkedHashSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            components.add(c.getName());
        }
        Set<String> properties = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        if (!properties.equals(new TreeSet<>(components))) {
            problems.add(where + ": properties " + properties + " but the record has " + components);
        }
        if (!required.equals(new TreeSet<>(components))) {
            problems.add(where + ": required " + required + " but Jackson writes every component " + components);
        }
        for (RecordComponent c : record.getRecordComponents()) {
            JsonNode property = schema.path("properties").path(c.getName());
            if (!property.isMissingNode()) {
                compare(where + "." + c.getName(), c.getGenericType(), property);
            }
        }
    }

    private void compare(String where, Type java, JsonNode property) {
        Shape shape = shape(property);
        Class<?> raw = java instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) java;
        if (raw.isPrimitive() && shape.nullable) {
            problems.add(where + ": " + raw + " can never be null, the schema allows null");
        }
        String expected = jsonType(raw);
        if (expected == null) {
            problems.add(where + ": no JSON mapping known for " + java.getTypeName() + " (teach RecordSchemas)");
            return;
        }
        if (!expected.equals(shape.type)) {
            problems.add(where + ": " + java.getTypeName() + " is written as " + expected + ", the schema says " + shape.type);
            return;
        }
        String format = format(raw);
        if (format != null && !format.equals(shape.format)) {
            problems.add(where + ": " + raw.getSimpleName() + " needs format " + format + ", the schema says " + shape.format);
        }
        if (raw.isRecord()) {
            if (shape.ref == null) {
                problems.add(where + ": a record must refer to its own schema");
            } else {
                compare(raw, shape.ref);
            }
        }
        if (raw == List.class) {
            Type item = ((ParameterizedType) java).getActualTypeArguments()[0];
            compare(where + "[]", item, shape.node.path("items"));
        }
    }

    /** What a property schema says, through a $ref and a {@code oneOf [X, null]} or {@code type: [X, null]}. */
    private Shape shape(JsonNode property) {
        boolean nullable = false;
        JsonNode node = property;
        if (node.has("oneOf")) {
            JsonNode other = null;
            for (JsonNode alternative : node.get("oneOf")) {
                if ("null".equals(alternative.path("type").asText())) {
                    nullable = true;
                } else {
                    other = alternative;
                }
            }
            node = other == null ? node : other;
        }
        String ref = AsyncApiDocument.schemaName(node);
        JsonNode target = doc.resolve(node);
        String type = null;
        JsonNode types = target.path("type");
        if (types.isArray()) {
            for (JsonNode t : types) {
                if ("null".equals(t.asText())) {
                    nullable = true;
                } else {
                    type = t.asText();
                }
            }
        } else if (types.isTextual()) {
            type = types.asText();
        }
        String format = property.has("format") ? property.get("format").asText() : target.path("format").asText(null);
        return new Shape(type, format, nullable, ref, target);
    }

    private record Shape(String type, String format, boolean nullable, String ref, JsonNode node) {
    }

    private static String jsonType(Class<?> raw) {
        if (raw == String.class || raw == UUID.class || raw == LocalDate.class || raw == Instant.class) {
            return "string";
        }
        if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            return "integer";
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            return "number";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        if (raw == List.class || raw == Set.class) {
            return "array";
        }
        return raw.isRecord() ? "object" : null;
    }

    private static String format(Class<?> raw) {
        if (raw == UUID.class) {
            return "uuid";
        }
        if (raw == LocalDate.class) {
            return "date";
        }
        if (raw == Instant.class) {
            return "date-time";
        }
        if (raw == int.class || raw == Integer.class) {
            return "int32";
        }
        if (raw == long.class || raw == Long.class) {
            return "int64";
        }
        return null;
    }
}
