package club.twinning.system;

import static club.twinning.system.Field.Kind.DATE;
import static club.twinning.system.Field.Kind.EMAIL;
import static club.twinning.system.Field.Kind.ENUM;
import static club.twinning.system.Field.Kind.INT;
import static club.twinning.system.Field.Kind.LIST;
import static club.twinning.system.Field.Kind.OBJECT;
import static club.twinning.system.Field.Kind.TEXT;
import static club.twinning.system.Field.Kind.UUID;
import static club.twinning.system.Field.optional;
import static club.twinning.system.Field.required;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * At least 10,000 generated invalid or hostile requests per service, from callers who may call the operation, so
 * that only the input is wrong: never a 5xx, every 4xx a problem naming what is wrong, nothing half-written.
 */
@Tag("e2e")
class BadInputTest {

    static final int PER_SERVICE = Integer.getInteger("fuzz.requests", 10_000);
    static final long SEED = Long.getLong("fuzz.seed", System.currentTimeMillis());
    static final ObjectMapper JSON = new ObjectMapper();

    static Fixtures fixtures;

    @BeforeAll
    static void fixtures() {
        fixtures = Fixtures.load();
    }

    @Test
    void registry() throws Exception {
        String agreement = Stack.REGISTRY + "/api/agreements/" + fixtures.agreementId();
        List<Target> targets = List.of(
                new Target("party", "POST", Stack.REGISTRY + "/api/parties", "secretariat", Map.of(), json("""
                        {"code":"fuzz-town","kind":"MUNICIPALITY","nameFr":"Fuzz","country":"MA","latitude":27.0,
                         "longitude":-11.0,"timeZone":"Africa/Casablanca","language":"fr"}"""),
                        List.of(required("code", TEXT), required("kind", ENUM), optional("nameFr", TEXT), optional("country", ENUM),
                                optional("language", ENUM))),
                new Target("contact", "POST", Stack.REGISTRY + "/api/parties/agadez/contacts", "secretariat", Map.of(), json("""
                        {"name":"Fuzz","email":"fuzz@agadez.example.org","language":"fr","channels":["email"]}"""),
                        List.of(required("name", TEXT), required("email", EMAIL), optional("language", ENUM),
                                optional("channels", LIST), optional("phone", ENUM), optional("webhookUrl", ENUM))),
                new Target("agreement", "POST", Stack.REGISTRY + "/api/agreements", "secretariat", Map.of(), json("""
                        {"reference":"FUZZ-1","type":"TWINNING","titleFr":"Fuzz","parties":["agadez","banjul"],
                         "domains":["culture"]}"""),
                        List.of(required("reference", TEXT), required("type", ENUM), optional("titleFr", TEXT),
                                required("parties", LIST), optional("summaryFr", TEXT))),
                new Target("transition", "POST", agreement + "/transitions", "secretariat", Map.of("If-Match", "\"0\""),
                        json("{\"to\":\"SUSPENDED\",\"reason\":\"fuzz\"}"), List.of(required("to", TEXT), required("reason", TEXT))));
        List<Fuzzer.Probe> probes = Fuzzer.Probe.table(Stack.REGISTRY, """
                secretariat     /api/agreements?limit={}
                secretariat     /api/agreements?cursor={}
                secretariat     /api/agreements?status={}
                secretariat     /api/agreements?party={}
                partner.agadez  /api/agreements?q={}
                partner.agadez  /api/agreements/{}
                council.expert  /api/parties/{}
                partner.agadez  /public/agreements?domain={}""");
        attack("registry", targets, probes, Map.of(
                "parties", "SELECT count(*) FROM party", "contacts", "SELECT count(*) FROM contact",
                "agreements", "SELECT count(*) FROM agreement", "transitions", "SELECT count(*) FROM agreement_transition",
                "events", "SELECT count(*) FROM outbox_event"));
    }

    @Test
    void exchange() throws Exception {
        // Dates from today: a window must start after today, and a visit falls in its request's window (the fixture's
        // starts two months ahead, Stack.requestBody), so fixed dates would turn every baseline into a date error.
        LocalDate window = LocalDate.now().plusMonths(3);
        LocalDate visit = LocalDate.now().plusMonths(2).plusDays(1);
        List<Target> targets = List.of(
                new Target("request", "POST", Stack.EXCHANGE + "/api/requests", "partner.agadez", Map.of(), json("""
                        {"partnerParty":"es-semara","agreementId":"%s","domain":"desert-land-management","title":"Fuzz",
                         "need":"Fuzz","direction":"THEY_VISIT_US","window":{"start":"%s","end":"%s"},
                         "participants":3,"language":"fr"}""".formatted(fixtures.agreementId(), window, window.plusDays(19))),
                        List.of(required("partnerParty", TEXT), optional("agreementId", UUID), required("domain", TEXT),
                                required("title", TEXT), required("need", TEXT), optional("offer", TEXT), required("direction", ENUM),
                                required("window", OBJECT), required("window.start", DATE), required("window.end", DATE),
                                required("participants", INT), required("language", ENUM))),
                new Target("vote", "POST", Stack.EXCHANGE + "/api/requests/" + fixtures.requestId() + "/votes", "council.expert",
                        Map.of(), json("{\"choice\":\"APPROVE\",\"reason\":\"fuzz\"}"),
                        List.of(required("choice", ENUM), optional("reason", TEXT))),
                new Target("visit", "POST", Stack.EXCHANGE + "/api/visits", "partner.agadez", Map.of(), json("""
                        {"requestId":"%s","startDate":"%s","endDate":"%s",
                         "delegation":[{"name":"Fuzz","role":"Maire"}],"agenda":[],"logistics":"Fuzz"}"""
                        .formatted(fixtures.requestId(), visit, visit.plusDays(3))),
                        List.of(required("requestId", UUID), required("startDate", DATE), required("endDate", DATE),
                                required("delegation", LIST), optional("agenda", LIST), optional("logistics", TEXT))));
        List<Fuzzer.Probe> probes = Fuzzer.Probe.table(Stack.EXCHANGE, """
                council.expert  /api/requests?limit={}
                council.expert  /api/requests?cursor={}
                partner.agadez  /api/requests?status={}
                partner.agadez  /api/requests/{}
                council.expert  /api/matches?party={}
                partner.agadez  /api/calendar?from={}
                partner.agadez  /api/visits?status={}""");
        attack("exchange", targets, probes, Map.of(
                "requests", "SELECT count(*) FROM exchange_request", "votes", "SELECT count(*) FROM council_vote",
                "visits", "SELECT count(*) FROM visit", "events", "SELECT count(*) FROM outbox_event"));
    }

    @Test
    void notification() throws Exception {
        List<Target> targets = List.of(
                new Target("preferences", "PUT", Stack.NOTIFICATION + "/api/contacts/" + fixtures.contactId() + "/preferences",
                        "secretariat", Map.of(), json("""
                        {"eventTypes":["club.twinning.request.submitted"],"channels":["EMAIL"],"digest":"IMMEDIATE","digestHour":8}"""),
                        List.of(optional("eventTypes", LIST), optional("channels", LIST), optional("digest", ENUM),
                                optional("digestHour", INT))));
        List<Fuzzer.Probe> probes = Fuzzer.Probe.table(Stack.NOTIFICATION, """
                ops             /api/deliveries?limit={}
                ops             /api/deliveries?cursor={}
                ops             /api/deliveries?from={}
                partner.agadez  /api/deliveries?status={}
                partner.agadez  /api/deliveries?contact={}
                ops             /api/deliveries/{}
                secretariat     /api/contacts/{}/preferences""");
        attack("notification", targets, probes, Map.of(
                "preferences", "SELECT count(*) FROM contact_preference", "secrets", "SELECT count(*) FROM webhook_secret"));
    }

    private void attack(String service, List<Target> targets, List<Fuzzer.Probe> probes, Map<String, String> counts)
            throws Exception {
        Map<String, Long> before = count(service, counts);
        Fuzzer.Report report = new Fuzzer().run(service, targets, probes, PER_SERVICE, SEED);
        Map<String, Long> after = count(service, counts);
        String table = report.table() + "\n  rows before " + before + "\n  rows after  " + after;
        System.out.println("\nBad input, " + table);
        report.violations().stream().limit(30).forEach(v -> System.out.println("  " + v));
        Path out = Path.of("target", "bad-input.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table + "\n" + String.join("\n", report.violations()) + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertThat(report.sent()).isGreaterThanOrEqualTo(PER_SERVICE);
        assertThat(report.violations()).as("answers that break the rules (seed %d)", SEED).isEmpty();
        assertThat(after).as("nothing written by refused requests").isEqualTo(before);
    }

    private static Map<String, Long> count(String database, Map<String, String> queries) {
        Map<String, Long> counts = new LinkedHashMap<>();
        new java.util.TreeMap<>(queries).forEach((name, sql) -> counts.put(name, Stack.count(database, sql)));
        return counts;
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
