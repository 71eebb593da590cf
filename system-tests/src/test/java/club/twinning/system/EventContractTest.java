package club.twinning.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import club.twinning.testing.KafkaRecords;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The running stack keeps the AsyncAPI document's promises: every record on every twinning.* topic, and a webhook
 * delivery, validated against the document's schemas; and each producing service serves the document itself.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventContractTest {

    /**
     * Module tests share the broker: platform's tests relay through a real outbox as /twinning/platform-test, the
     * services' tests publish stand-in events (TestEvents) as /twinning/test, with made-up data. Not the platform's.
     */
    private static final Set<String> MODULE_TEST_SOURCES = Set.of("/twinning/test", "/twinning/platform-test");
    /** notification-service's routing test writes a non-CloudEvent with such a key to prove it is dead-lettered. */
    private static final String MODULE_TEST_POISON = "poison-";
    private static final int WEBHOOK_PORT = 18097;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventContract CONTRACT = new EventContract();

    @Test
    @Order(1)
    void aWebhookDeliveryIsTheDocumentedSignedStructuredCloudEvent() throws Exception {
        BlockingQueue<Map.Entry<Map<String, String>, byte[]>> received = new LinkedBlockingQueue<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", WEBHOOK_PORT), 16);
        server.createContext("/contract", exchange -> {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            received.add(Map.entry(headers, exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        String contact = null;
        try {
            String secretariat = Stack.token("secretariat");
            String email = "contract-" + UUID.randomUUID().toString().substring(0, 8) + "@agadez.example.org";
            contact = given().auth().oauth2(secretariat).contentType(ContentType.JSON).body(contactBody(email, true))
                    .post(Stack.REGISTRY + "/api/parties/agadez/contacts").then().statusCode(201).extract().path("id");
            String secret = secretOf(contact, secretariat);

            String title = "Contrat des événements " + UUID.randomUUID().toString().substring(0, 8);
            String request = given().auth().oauth2(Stack.token("partner.es-semara")).contentType(ContentType.JSON)
                    .body(Stack.requestBody("agadez", Stack.agreementBetween("es-semara", "agadez"), title))
                    .post(Stack.EXCHANGE + "/api/requests").then().statusCode(201).extract().path("id");

            Map.Entry<Map<String, String>, byte[]> delivery = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (delivery == null && System.nanoTime() < deadline) {
                Map.Entry<Map<String, String>, byte[]> next = received.poll(1, TimeUnit.SECONDS);
                if (next != null && request.equals(JSON.readTree(next.getValue()).path("data").path("requestId").asText())) {
                    delivery = next;
                }
            }
            assertThat(delivery).as("a webhook for request %s within 2 minutes", request).isNotNull();

            Map<String, String> headers = delivery.getKey();
            JsonNode body = JSON.readTree(delivery.getValue());
            String type = body.path("type").asText();
            JsonNode channel = CONTRACT.document.path("channels").path("partnerWebhook");
            String message = CONTRACT.message(channel, "payload", "type", type)
                    .orElseThrow(() -> new AssertionError("no webhook message documents type " + type));
            ObjectNode headerValues = JSON.createObjectNode();
            for (String name : List.of("Content-Type", "Idempotency-Key", "Twinning-Signature")) {
                if (headers.containsKey(name)) {
                    headerValues.put(name, headers.get(name));
                }
            }
            assertThat(CONTRACT.validate(message + "/headers", headerValues)).as("headers %s", headerValues).isEmpty();
            assertThat(CONTRACT.validate(message + "/payload", body)).as("body %s", body).isEmpty();
            assertThat(headers.get("Idempotency-Key")).isEqualTo(body.path("id").asText());

            // The verification the document teaches partners, on the raw bytes.
            String signature = headers.get("Twinning-Signature");
            String t = signature.substring(2, signature.indexOf(','));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            assertThat(signature).isEqualTo("t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(delivery.getValue())));
            assertThat(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t))).isLessThan(300);
        } finally {
            server.stop(0);
            if (contact != null) {
                deactivate(contact);
            }
        }
    }

    @Test
    @Order(2)
    void everyRecordOnEveryTopicIsWhatTheDocumentSays() throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> validated = new TreeMap<>();
        int moduleTestRecords = 0;
        try (KafkaConsumer<String, String> consumer = reader()) {
            for (String topic : new TreeMap<>(consumer.listTopics()).keySet()) {
                if (!topic.startsWith("twinning.")) {
                    continue;
                }
                if (topic.startsWith("twinning.test.")) {
                    continue; // the platform module's own test topic
                }
                if (CONTRACT.channel(topic).isEmpty()) {
                    problems.add(topic + ": a twinning topic the document does not describe");
                    continue;
                }
                for (ConsumerRecord<String, String> r : all(consumer, topic)) {
                    String where = topic + "/" + r.partition() + "@" + r.offset() + " ";
                    Map<String, String> headers = headers(r);
                    if (MODULE_TEST_SOURCES.contains(headers.getOrDefault("ce_source", ""))
                            || (r.key() != null && r.key().startsWith(MODULE_TEST_POISON) && !headers.containsKey("ce_type"))) {
                        moduleTestRecords++;
                        continue;
                    }
                    record(topic, headers, r.key(), r.value()).forEach(p -> problems.add(where + p));
                    validated.merge(topic, 1, Integer::sum);
                }
            }
        }
        System.out.printf("event contract: %s records validated per topic, %d records of module tests left out%n",
                validated, moduleTestRecords);
        assertThat(problems).as("records that break the AsyncAPI document (%d)", problems.size()).isEmpty();
        // ./twinning up loads the demo register and this class's first test submits a request.
        assertThat(validated).containsKeys("twinning.registry.parties", "twinning.registry.contacts",
                "twinning.registry.agreements", "twinning.exchange.requests");
    }

    @Test
    @Order(3)
    void everyProducingServiceServesTheDocument() {
        for (String service : List.of(Stack.REGISTRY, Stack.EXCHANGE, Stack.NOTIFICATION)) {
            Response served = given().get(service + "/q/asyncapi");
            assertThat(served.statusCode()).as(service + "/q/asyncapi").isEqualTo(200);
            assertThat(served.asString()).as(service + "/q/asyncapi").isEqualTo(new String(CONTRACT.bytes, StandardCharsets.UTF_8));
        }
    }

    /** What is wrong with one record of the platform's own (empty: nothing). */
    private static List<String> record(String topic, Map<String, String> headers, String key, String value) throws IOException {
        JsonNode channel = CONTRACT.channel(topic).orElseThrow();
        if (topic.endsWith(".dead-letters")) {
            if (headers.containsKey("dead-letter-reason")) {
                ObjectNode values = JSON.createObjectNode();
                headers.forEach(values::put);
                return CONTRACT.validate("/components/messages/unreadableRecord/headers", values);
            }
            return CONTRACT.validate("/components/messages/failedDelivery/payload", JSON.readTree(value));
        }
        String type = headers.get("ce_type");
        if (type == null) {
            return List.of("not a CloudEvent (no ce_type header), key " + key);
        }
        String message = CONTRACT.message(channel, "headers", "ce_type", type).orElse(null);
        if (message == null) {
            return List.of("type " + type + " is not documented on this topic");
        }
        List<String> problems = new ArrayList<>();
        ObjectNode values = JSON.createObjectNode();
        headers.forEach(values::put);
        CONTRACT.validate(message + "/headers", values).forEach(p -> problems.add(type + " header: " + p));
        if (!String.valueOf(key).equals(headers.get("ce_subject"))) {
            problems.add(type + ": key " + key + " is not ce_subject " + headers.get("ce_subject"));
        }
        JsonNode data;
        try {
            data = JSON.readTree(value);
        } catch (IOException e) {
            return List.of(type + ": the value is not JSON");
        }
        CONTRACT.validate(message + "/payload", data).forEach(p -> problems.add(type + " data: " + p));
        return problems;
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> r) {
        Map<String, String> headers = new TreeMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    /** Every record a topic holds now, from the first offset to the end it had when we started. */
    private static List<ConsumerRecord<String, String>> all(KafkaConsumer<String, String> consumer, String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo p : consumer.partitionsFor(topic)) {
            partitions.add(new TopicPartition(topic, p.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            assertThat(System.nanoTime()).as("reading %s to its end within a minute", topic).isLessThan(deadline);
            consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                    records.add(r);
                }
            });
        }
        return records;
    }

    private static KafkaConsumer<String, String> reader() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaRecords.BOOTSTRAP);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static Map<String, Object> contactBody(String email, boolean active) {
        return Map.of("name", "Event contract test", "email", email, "language", "fr", "channels", List.of("webhook"),
                "webhookUrl", "http://127.0.0.1:" + WEBHOOK_PORT + "/contract", "councilMember", false, "active", active);
    }

    /** notification-service holds a secret for a contact once it has read the contact's event. */
    private static String secretOf(String contact, String token) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Response r = given().auth().oauth2(token).post(Stack.NOTIFICATION + "/api/contacts/" + contact + "/webhook-secret");
            if (r.statusCode() == 200) {
                return r.path("secret");
            }
            Thread.sleep(500);
        }
        throw new AssertionError("notification-service never learnt of contact " + contact);
    }

    private static void deactivate(String contact) {
        String token = Stack.token("secretariat");
        Response current = given().auth().oauth2(token).get(Stack.REGISTRY + "/api/contacts/" + contact);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", current.getHeader("ETag"))
                .body(contactBody(current.path("email"), false)).put(Stack.REGISTRY + "/api/contacts/" + contact)
                .then().statusCode(200);
    }
}
