package club.twinning.portal.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A posted form (or a query) read the one way every page reads it: text trimmed, a blank field absent (null), a
 * repeated field as a JSON list, and the page's version as the service's If-Match.
 */
record FormFields(MultivaluedMap<String, String> fields) {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The trimmed value, or null when absent or blank. */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    String text(String name) {
        return blankToNull(fields.getFirst(name));
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    /** A new JSON object with each named field under the same name (blank ones as null). */
    ObjectNode texts(String... names) {
        return into(JSON.objectNode(), names);
    }

    /** Puts each named field into {@code body} under the same name, trimmed, a blank one as null. */
    ObjectNode into(ObjectNode body, String... names) {
        for (String name : names) {
            body.put(name, text(name));
        }
        return body;
    }

    /** The named fields as typed, to show the form again. */
    Map<String, String> values(String... names) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : names) {
            values.put(name, text(name));
        }
        return values;
    }

    /** Every value of a repeated field (checkboxes, a multiple select), or {@code otherwise} when none was sent. */
    ArrayNode list(String name, String... otherwise) {
        ArrayNode list = JSON.arrayNode();
        fields.getOrDefault(name, List.of(otherwise)).forEach(list::add);
        return list;
    }

    /**
     * The If-Match of a change: the version of the resource the page showed (its hidden {@code version} field), as
     * the service's ETag; a page rendered before someone else's change gets the service's 412, shown with the form.
     */
    String ifMatch() {
        String version = text("version");
        return version == null ? null : "\"" + version + "\"";
    }
}
