package club.twinning.events.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The AsyncAPI document as the events jar ships it, and the lookups its tests and its page share. */
final class AsyncApiDocument {

    static final String RESOURCE = "META-INF/asyncapi/twinning.yaml";
    private static final String SCHEMAS = "#/components/schemas/";

    final JsonNode root;

    private AsyncApiDocument(JsonNode root) {
        this.root = root;
    }

    static AsyncApiDocument read() {
        try (InputStream in = AsyncApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new AsyncApiDocument(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code $ref} inside this document, followed (one level). */
    JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : root.at(ref.asText().substring(1));
    }

    JsonNode schema(String name) {
        return root.path("components").path("schemas").path(name);
    }

    static String schemaName(JsonNode ref) {
        String text = ref.path("$ref").asText();
        return text.startsWith(SCHEMAS) ? text.substring(SCHEMAS.length()) : null;
    }

    /** A channel's messages, each resolved. */
    List<Map.Entry<String, JsonNode>> messages(JsonNode channel) {
        List<Map.Entry<String, JsonNode>> messages = new ArrayList<>();
        channel.path("messages").properties().forEach(m -> messages.add(Map.entry(m.getKey(), resolve(m.getValue()))));
        return messages;
    }

    /** The {@code const} a message pins on one header or payload attribute, from the second part of its allOf. */
    static String pinned(JsonNode schema, String property) {
        for (JsonNode part : schema.path("allOf")) {
            JsonNode value = part.path("properties").path(property).path("const");
            if (!value.isMissingNode()) {
                return value.asText();
            }
        }
        return null;
    }

    /** The payload schema a message points at (directly, or as the {@code data} of a structured CloudEvent). */
    static String payloadSchema(JsonNode message) {
        JsonNode payload = message.path("payload");
        if (payload.has("$ref")) {
            return schemaName(payload);
        }
        for (JsonNode part : payload.path("allOf")) {
            JsonNode data = part.path("properties").path("data");
            if (data.has("$ref")) {
                return schemaName(data);
            }
        }
        return null;
    }
}
