package club.twinning.events.asyncapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.twinning.events.CooperationDomain;
import club.twinning.events.EventSources;
import club.twinning.events.EventType;
import club.twinning.events.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document is checked against the events module, so that it stays the truth: every type and topic
 * is in it, it names nothing that does not exist, and each payload schema is its record's shape.
 */
class AsyncApiDocumentTest {

    private static final AsyncApiDocument DOC = AsyncApiDocument.read();
    static final String DATASCHEMA = "https://twinning.club/events/v1/";

    @Test
    void everyTopicIsAChannelAndEveryChannelATopic() throws IllegalAccessException {
        Set<String> topics = new TreeSet<>();
        for (Field f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                topics.add((String) f.get(null));
            }
        }
        Set<String> addresses = new TreeSet<>();
        DOC.root.path("channels").forEach(c -> {
            if (c.path("address").isTextual()) {
                addresses.add(c.path("address").asText());
            }
        });
        assertTrue(addresses.containsAll(topics), "topics missing from the document: " + minus(topics, addresses));
        // Dead-letter topics are configured by the consuming services, not in Topics.
        Set<String> unknown = minus(addresses, topics).stream().filter(a -> !a.endsWith(".dead-letters"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), unknown, "channels for topics that do not exist");
    }

    @Test
    void everyEventTypeIsOneMessageOnItsTopicWithItsPayloadAndVersion() {
        List<String> problems = new ArrayList<>();
        for (EventType type : EventType.values()) {
            List<JsonNode> found = new ArrayList<>();
            DOC.root.path("channels").forEach(channel -> DOC.messages(channel).forEach(m -> {
                if (type.type().equals(AsyncApiDocument.pinned(m.getValue().path("headers"), "ce_type"))) {
                    found.add(m.getValue());
                    if (!type.topic().equals(channel.path("address").asText())) {
                        problems.add(type.type() + " is documented on " + channel.path("address") + ", it travels on " + type.topic());
                    }
                }
            }));
            if (found.size() != 1) {
                problems.add(type.type() + " is documented on Kafka " + found.size() + " times, not once");
                continue;
            }
            JsonNode message = found.get(0);
            check(problems, type, message, "ce_dataschema", AsyncApiDocument.pinned(message.path("headers"), "ce_dataschema"));
            String source = AsyncApiDocument.pinned(message.path("headers"), "ce_source");
            if (!Set.of(EventSources.REGISTRY, EventSources.EXCHANGE).contains(source)) {
                problems.add(type.type() + ": ce_source " + source + " is no producing service");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyEventTypeIsAWebhookMessageWithItsPayload() {
        List<String> problems = new ArrayList<>();
        JsonNode webhook = DOC.root.path("channels").path("partnerWebhook");
        Map<String, JsonNode> byType = new HashMap<>();
        DOC.messages(webhook).forEach(m -> byType.put(AsyncApiDocument.pinned(m.getValue().path("payload"), "type"), m.getValue()));
        for (EventType type : EventType.values()) {
            JsonNode message = byType.remove(type.type());
            if (message == null) {
                problems.add(type.type() + " has no webhook message");
                continue;
            }
            check(problems, type, message, "dataschema", AsyncApiDocument.pinned(message.path("payload"), "dataschema"));
            assertEquals("#/components/schemas/WebhookHeaders", message.path("headers").path("$ref").asText(), type.type());
        }
        byType.keySet().forEach(t -> problems.add("webhook message for " + t + ", which is no EventType"));
        assertEquals(List.of(), problems);
    }

    @Test
    void theDocumentNamesNoTypeThatDoesNotExist() {
        List<String> problems = new ArrayList<>();
        DOC.root.path("components").path("messages").properties().forEach(m -> {
            String type = AsyncApiDocument.pinned(m.getValue().path("headers"), "ce_type");
            if (type == null) {
                type = AsyncApiDocument.pinned(m.getValue().path("payload"), "type");
            }
            if (type != null && EventType.of(type).isEmpty()) {
                problems.add(m.getKey() + " names " + type + ", which is no EventType");
            }
            if (type != null && !type.equals(m.getValue().path("name").asText())) {
                problems.add(m.getKey() + " is named " + m.getValue().path("name") + ", not its type " + type);
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyPayloadSchemaIsItsRecord() {
        RecordSchemas schemas = new RecordSchemas(DOC);
        Arrays.stream(EventType.values()).map(EventType::payload).distinct()
                .forEach(p -> schemas.compare(p, p.getSimpleName()));
        assertEquals(List.of(), schemas.problems);
    }

    @Test
    void theCooperationDomainsAreTheEnum() {
        List<String> documented = new ArrayList<>();
        DOC.schema("CooperationDomain").path("enum").forEach(v -> documented.add(v.asText()));
        assertEquals(Arrays.stream(CooperationDomain.values()).map(CooperationDomain::code).toList(), documented);
    }

    @Test
    void theSourcesAreTheServices() {
        Set<String> documented = new TreeSet<>();
        DOC.schema("KafkaCloudEventHeaders").path("properties").path("ce_source").path("enum")
                .forEach(v -> documented.add(v.asText()));
        assertEquals(new TreeSet<>(Set.of(EventSources.REGISTRY, EventSources.EXCHANGE, EventSources.NOTIFICATION)), documented);
    }

    /** The worked example a partner checks their code against must verify, byte for byte as documented. */
    @Test
    void theWorkedSignatureExampleVerifies() throws Exception {
        JsonNode example = DOC.root.at("/components/messages/requestSubmittedWebhook/examples/0");
        String header = example.path("headers").path("Twinning-Signature").asText();
        String body = new ObjectMapper().writeValueAsString(example.path("payload"));
        String t = header.substring(2, header.indexOf(','));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("whsec_example-secret-do-not-use".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String v1 = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        assertEquals("t=" + t + ",v1=" + v1, header);
        assertTrue(DOC.schema("WebhookHeaders").path("description").asText().contains(header), "the description shows it too");
        assertEquals(example.path("payload").path("id").asText(), example.path("headers").path("Idempotency-Key").asText());
    }

    private static void check(List<String> problems, EventType type, JsonNode message, String attribute, String dataschema) {
        if (!(DATASCHEMA + type.type()).equals(dataschema)) {
            problems.add(type.type() + ": " + attribute + " " + dataschema + ", expected " + DATASCHEMA + type.type());
        }
        String payload = AsyncApiDocument.payloadSchema(message);
        if (!type.payload().getSimpleName().equals(payload)) {
            problems.add(type.type() + " carries " + payload + ", its record is " + type.payload().getSimpleName());
        }
        assertNotNull(message.path("summary").textValue(), type.type() + " needs a summary");
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }
}
