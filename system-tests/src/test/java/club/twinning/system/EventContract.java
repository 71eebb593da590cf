package club.twinning.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AsyncAPI document the events jar ships (META-INF/asyncapi/twinning.yaml), and its schemas as validators.
 * Validation is stricter than the document promises partners: a payload object may carry no field the
 * document does not name (partners must ignore unknown fields; the platform must not send any).
 */
final class EventContract {

    static final String RESOURCE = "META-INF/asyncapi/twinning.yaml";

    final byte[] bytes;
    final JsonNode document;
    private final ObjectNode strict;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    EventContract() {
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            bytes = in.readAllBytes();
            document = new ObjectMapper(new YAMLFactory()).readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        strict = document.deepCopy();
        strict.path("components").path("schemas").properties().forEach(s -> {
            if (s.getValue().has("properties") && !s.getKey().endsWith("Headers")) {
                ((ObjectNode) s.getValue()).put("additionalProperties", false);
            }
        });
    }

    /** The channel whose address is this topic. */
    Optional<JsonNode> channel(String topic) {
        for (JsonNode channel : document.path("channels")) {
            if (topic.equals(channel.path("address").asText(null))) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    /** The message (its JSON pointer) on a channel that pins {@code attribute} (in headers or payload) to {@code value}. */
    Optional<String> message(JsonNode channel, String part, String attribute, String value) {
        for (JsonNode ref : channel.path("messages")) {
            String pointer = ref.path("$ref").asText().substring(1);
            for (JsonNode piece : document.at(pointer).path(part).path("allOf")) {
                if (value.equals(piece.path("properties").path(attribute).path("const").asText(null))) {
                    return Optional.of(pointer);
                }
            }
        }
        return Optional.empty();
    }

    /** What is wrong with {@code value} against the schema at a JSON pointer of the document (empty: valid). */
    List<String> validate(String pointer, JsonNode value) {
        JsonSchema schema = schemas.computeIfAbsent(pointer, p -> {
            // The document's other top-level fields are no JSON Schema keywords: only what the $ref reaches stays.
            ObjectNode root = JsonNodeFactory.instance.objectNode().put("$ref", "#" + p);
            root.set("components", strict.get("components"));
            root.set("channels", strict.get("channels"));
            return factory.getSchema(root, config);
        });
        return schema.validate(value).stream().map(ValidationMessage::getMessage).toList();
    }
}
