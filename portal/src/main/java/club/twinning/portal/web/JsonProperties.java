package club.twinning.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import io.quarkus.qute.TemplateExtension;

/**
 * Lets templates read the services' JSON as it comes ({request.title}, {#for v in visit.agenda}), so the
 * portal follows the services' API documents instead of copying their DTOs.
 */
public final class JsonProperties {

    private JsonProperties() {
    }

    @TemplateExtension(matchName = TemplateExtension.ANY)
    static Object property(JsonNode node, String name) {
        return value(node.get(name));
    }

    static Object value(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        if (value.isArray()) {
            // A Java list: {#if list} is false when empty, {list.size} works.
            List<Object> items = new ArrayList<>(value.size());
            value.forEach(item -> items.add(value(item)));
            return items;
        }
        return value;
    }
}
