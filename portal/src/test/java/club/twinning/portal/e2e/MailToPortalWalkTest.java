package club.twinning.portal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 17's "done when", as three people do it in Chromium on the running stack: a real email read from GreenMail,
 * its link followed into the portal the emails name (the stack's, not this test's), the Keycloak login, landing on the
 * thing the mail is about; then the request list paged past 100 rows, a private calendar URL created, read with no
 * cookie or token and parsed as iCalendar, revoked (then 404); the secretariat terminates an agreement of the test's own
 * and follows its mail about the request that closed; the council's dashboard and the calendar page pass
 * axe in French and Arabic; phone and Arabic screenshots are kept in target/screenshots.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailToPortalWalkTest {

    private static final String KEYCLOAK = "http://127.0.0.1:8180/realms/twinning/protocol/openid-connect/token";
    private static final String EXCHANGE = "http://127.0.0.1:8082";
    private static final String REGISTRY = "http://127.0.0.1:8081";
    private static final String GREENMAIL = "http://127.0.0.1:8025/api/user/";
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final Path AXE = Paths.get("src", "main", "webui", "node_modules", "axe-core", "axe.min.js");
    private static final Pattern PORTAL_LINK = Pattern.compile("(https?://[^\\s/]+)(/app/[A-Za-z0-9/_?=&.-]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String title = "Parcours des courriels " + UUID.randomUUID().toString().substring(0, 8);
    private Browser browser;
    private String axe;
    private String requestId;

    @BeforeAll
    void submitARequestAndEnoughToPage() throws Exception {
        browser = new Browser();
        axe = Files.readString(AXE, StandardCharsets.UTF_8);
        String agadez = token("partner.agadez");
        JsonNode agreements = get(REGISTRY + "/api/agreements?party=agadez&status=IN_FORCE", agadez);
        String agreement = agreements.findParents("reference").stream()
                .filter(a -> "JUM-2025-ES-SEMARA-AGADEZ".equals(a.path("reference").asText()))
                .map(a -> a.path("id").asText()).findFirst().orElseThrow();
        requestId = submit(agadez, agreement, title).path("id").asText();
        // More than 100 requests for the list to page past (a fresh stack's demo data has none).
        int existing = 0;
        String cursor = null;
        do {
            JsonNode page = get(EXCHANGE + "/api/requests?limit=200" + (cursor == null ? "" : "&cursor=" + cursor), token("council.expert"));
            existing += page.path("items").size();
            cursor = page.path("nextCursor").asText(null);
        } while (cursor != null && existing <= 110);
        for (int i = existing; i <= 110; i++) {
            submit(agadez, agreement, "Essai de pagination " + i);
        }
    }

    @AfterAll
    void close() {
        browser.close();
    }

    @Test
    @Order(1)
    void aPartnerFollowsTheMailToTheRequestAndSubscribesToItsCalendar() throws Exception {
        String link = mailLink("relations@es-semara.example.org", title, "/app/requests/" + requestId);
        Page page = followAndLogIn(link, "partner.es-semara", 1280, 900, "fr");
        assertTrue(page.locator("h1").innerText().contains(title), "landed on the request: " + page.locator("h1").innerText());
        page.context().close();

        // The private calendar: created in the portal, read as a calendar application reads it, revoked.
        page = followAndLogIn(origin(link) + "/app/calendar/feeds", "partner.es-semara", 390, 844, "ar");
        page.selectOption("#feed-lang", "ar");
        page.locator("#feed-create").click();
        page.waitForSelector("#feed-url");
        String url = page.locator("#feed-url").inputValue();
        String feedId = page.locator("#feed-created").getAttribute("data-id");
        assertTrue(url.startsWith(origin(link) + "/calendar/") && url.endsWith(".ics"), "on the portal's host: " + url);
        assertTrue(page.locator("#feed-webcal").getAttribute("href").startsWith("webcal:"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("ar-phone-partner.es-semara-calendar-feed-created.png")).setFullPage(true));
        assertNoSeriousViolations(page, "calendar feed created (ar, phone)");
        assertFits(page, 390);

        HttpResponse<String> feed = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, feed.statusCode(), feed.body());
        assertTrue(feed.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
        assertTrue(feed.headers().firstValue("Cache-Control").orElse("").contains("private"));
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertFalse(events.isEmpty(), "Es-Semara's visits are in its feed");
        assertTrue(events.get(0).getSummary() != null && !events.get(0).getSummary().getValue().isBlank(), "each event says what it is");

        page.locator("#feeds tr[data-id='" + feedId + "'] form.revoke button").click();
        page.waitForLoadState();
        assertEquals(0, page.locator("#feeds tr[data-id='" + feedId + "']").count(), "the revoked feed is gone from the list");
        HttpResponse<String> revoked = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, revoked.statusCode(), "a revoked feed answers 404");
        page.context().close();
    }

    @Test
    @Order(2)
    void aCouncilMemberFollowsTheMailToTheVoteAndPagesPast100Requests() throws Exception {
        String link = mailLink("council.expert@demo.twinning.invalid", title, "/app/requests/" + requestId);
        Page page = followAndLogIn(link, "council.expert", 1280, 900, "fr");
        assertTrue(page.locator("h1").innerText().contains(title));
        assertTrue(page.locator("#vote-form").isVisible(), "the council member lands where the vote is cast");

        page.navigate(origin(link) + "/app/requests");
        Set<String> seen = new HashSet<>(ids(page, "#requests"));
        int rows = seen.size();
        while (rows <= 100) {
            String before = page.url();
            page.locator("#next-page").click();
            page.waitForURL(u -> !u.equals(before));
            List<String> more = ids(page, "#requests");
            rows += more.size();
            more.forEach(id -> assertTrue(seen.add(id), "no request twice: " + id));
        }
        assertTrue(seen.size() > 100, "past 100 rows: " + seen.size());
        page.locator("#previous-page").click();
        page.waitForLoadState();
        assertTrue(page.locator("nav.pager [aria-current=page]").innerText().matches(".*\\d.*"));

        // The council's dashboard: four charts drawn by the server, their tables, readable in both languages.
        for (String language : List.of("fr", "ar")) {
            for (int width : new int[] {390, 1280}) {
                Page dash = followAndLogIn(origin(link) + "/app/dashboard", "council.expert", width, 900, language);
                assertEquals(4, dash.locator("figure.chart svg[role=img]").count(), "four charts");
                assertTrue(dash.locator("#chart-stages rect.bar").count() >= 1);
                assertTrue(dash.locator("#chart-grades desc").textContent().contains(":"), "the chart says its numbers");
                String name = language + "-" + (width < 600 ? "phone" : "desktop") + "-council.expert-dashboard";
                dash.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
                assertNoSeriousViolations(dash, name);
                if (width < 600) {
                    assertFits(dash, width);
                }
                dash.context().close();
            }
        }
        page.context().close();
    }

    @Test
    @Order(3)
    void theSecretariatFollowsTheMailAboutWhatItsTerminationClosedAndPagesTheVisits() throws Exception {
        // An agreement of the test's own, brought into force with the evidence the registry asks for, so that ending it
        // harms no other test; a request under it; the secretariat terminates it and is told what that closed.
        String secretariat = token("secretariat");
        String agreement = agreementInForce(secretariat);
        String agadez = token("partner.agadez");
        String closedTitle = "Close par la résiliation " + UUID.randomUUID().toString().substring(0, 8);
        String request = submitOnceKnown(agadez, agreement, closedTitle).path("id").asText();
        transition(secretariat, agreement, Map.of("to", "TERMINATED", "reason", "Résilié pour le parcours des courriels"));

        String link = mailLink("secretariat@twinning.example.org", closedTitle, "/app/requests/" + request);
        String portal = origin(link);
        Page page = followAndLogIn(link, "secretariat", 390, 844, "ar");
        assertEquals(0, page.locator("#service-failure, .notice.bad[role=alert]").count(), "the page the mail links to opens");
        assertTrue(page.locator("h1").innerText().contains(closedTitle), "landed on the closed request: " + page.locator("h1").innerText());
        assertTrue(page.locator("#closed").innerText().contains("Résilié pour le parcours des courriels"),
                "the page says why the request closed: " + page.locator("#closed").innerText());
        assertEquals("rtl", page.locator("html").getAttribute("dir"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("ar-phone-secretariat-from-mail.png")).setFullPage(true));

        page.navigate(portal + "/app/visits");
        List<String> first = ids(page, "#visits");
        if (page.locator("#next-page").count() > 0) {
            page.locator("#next-page").click();
            page.waitForURL(u -> u.contains("pages="));
            List<String> second = ids(page, "#visits");
            assertTrue(second.stream().noneMatch(first::contains), "the next page of visits has other visits");
            page.locator("#previous-page").click();
            page.waitForURL(u -> !u.contains("pages="));
            assertEquals(first, ids(page, "#visits"));
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("ar-phone-secretariat-visits.png")).setFullPage(true));
        assertNoSeriousViolations(page, "visits (ar, phone)");
        page.context().close();
    }

    /** A twinning of Agadez and Es-Semara drafted, negotiated, signed (date, place, signatories) and in force. */
    private String agreementInForce(String secretariat) throws IOException, InterruptedException {
        String reference = "WALK-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> made = http.send(HttpRequest.newBuilder(URI.create(REGISTRY + "/api/agreements"))
                .header("Authorization", "Bearer " + secretariat).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("reference", reference, "type", "TWINNING",
                        "titleFr", "Jumelage du parcours des courriels", "parties", List.of("agadez", "es-semara"),
                        "domains", List.of("desert-land-management")))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, made.statusCode(), made.body());
        String id = JSON.readTree(made.body()).path("id").asText();
        LocalDate today = LocalDate.now();
        transition(secretariat, id, Map.of("to", "NEGOTIATION", "reason", "Négociation ouverte"));
        transition(secretariat, id, Map.of("to", "PENDING_FORMALITIES", "reason", "Texte arrêté"));
        transition(secretariat, id, Map.of("to", "SIGNED", "reason", "Signé", "signedOn", today.toString(), "place", "Agadez",
                "signatories", List.of(Map.of("name", "Maire d'Agadez", "partyCode", "agadez"),
                        Map.of("name", "Maire d'Es-Semara", "partyCode", "es-semara"))));
        transition(secretariat, id, Map.of("to", "IN_FORCE", "reason", "En vigueur", "effectiveFrom", today.toString(),
                "formalitiesWaiver", "accord de test du parcours des courriels"));
        return id;
    }

    private void transition(String secretariat, String agreement, Map<String, Object> body) throws IOException, InterruptedException {
        HttpResponse<String> moved = http.send(HttpRequest.newBuilder(URI.create(REGISTRY + "/api/agreements/" + agreement + "/transitions"))
                .header("Authorization", "Bearer " + secretariat).header("Content-Type", "application/json").header("If-Match", "*")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, moved.statusCode(), body.get("to") + ": " + moved.body());
    }

    /** Submits once exchange-service has heard (by event) that the agreement is in force: up to half a minute. */
    private JsonNode submitOnceKnown(String token, String agreement, String requestTitle) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            HttpResponse<String> made = post(token, agreement, requestTitle);
            if (made.statusCode() == 201 || Instant.now().isAfter(deadline)) {
                assertEquals(201, made.statusCode(), made.body());
                return JSON.readTree(made.body());
            }
            Thread.sleep(1000);
        }
    }

    /** Follows a link from a mail in a fresh browser, logging in on Keycloak's page if asked, in a language. */
    private Page followAndLogIn(String link, String person, int width, int height, String language) {
        Page page = browser.open(width, height);
        page.context().addCookies(List.of(new Cookie("twinning-lang", language).setDomain(URI.create(link).getHost()).setPath("/")));
        page.navigate(link);
        if (page.url().startsWith("http://127.0.0.1:8180/")) {
            Browser.signIn(page, person);
        }
        Browser.arrive(page, u -> u.equals(link));
        return page;
    }

    /** Waits (up to a minute) for the mail about {@code subject} to reach {@code address}; its link to {@code path}. */
    private String mailLink(String address, String subject, String path) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode message : messages(address)) {
                if (message.path("subject").asText().contains(subject)) {
                    String text = plainText(message.path("mimeMessage").asText());
                    Matcher links = PORTAL_LINK.matcher(text);
                    while (links.find()) {
                        if (links.group(2).equals(path)) {
                            return links.group(1) + links.group(2);
                        }
                    }
                    throw new AssertionError("the mail to " + address + " does not link to " + path + ":\n" + text);
                }
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no mail about " + subject + " reached " + address + " within a minute");
    }

    private JsonNode messages(String address) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(GREENMAIL
                + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(answer.body());
        return answer.statusCode() == 200 && body.isArray() ? body : JSON.createArrayNode(); // unknown user: no mail yet
    }

    /** The text/plain part of a raw message, its quoted-printable undone. */
    static String plainText(String mime) {
        int part = mime.indexOf("Content-Type: text/plain");
        String rest = part < 0 ? mime : mime.substring(part);
        int body = rest.indexOf("\r\n\r\n");
        rest = body < 0 ? rest : rest.substring(body + 4);
        int boundary = rest.indexOf("\r\n--");
        rest = boundary < 0 ? rest : rest.substring(0, boundary);
        String joined = rest.replace("=\r\n", "");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length() && joined.substring(i + 1, i + 3).matches("[0-9A-F]{2}")) {
                bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void assertNoSeriousViolations(Page page, String where) {
        page.evaluate("() => { if (!window.axe) { " + axe + "\n } }");
        String found = (String) page.evaluate("async () => { const r = await axe.run(document, { resultTypes: ['violations'] });"
                + " return JSON.stringify(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.impact + ' ' + v.id + ' — ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')))); }");
        try {
            List<String> violations = new ArrayList<>();
            JSON.readTree(found).forEach(v -> violations.add(v.asText()));
            assertTrue(violations.isEmpty(), where + ": " + violations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertFits(Page page, int width) {
        int scroll = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertTrue(scroll <= width, page.url() + " is " + scroll + " px wide on a " + width + " px phone");
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Page page, String table) {
        return (List<String>) page.locator(table + " tbody tr").evaluateAll("rows => rows.map(r => r.dataset.id)");
    }

    private static String origin(String link) {
        URI uri = URI.create(link);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private JsonNode submit(String token, String agreement, String requestTitle) throws IOException, InterruptedException {
        HttpResponse<String> made = post(token, agreement, requestTitle);
        assertEquals(201, made.statusCode(), made.body());
        return JSON.readTree(made.body());
    }

    private HttpResponse<String> post(String token, String agreement, String requestTitle) throws IOException, InterruptedException {
        LocalDate start = LocalDate.now().plusMonths(2);
        String body = JSON.writeValueAsString(Map.of("partnerParty", "es-semara", "agreementId", agreement,
                "domain", "desert-land-management", "title", requestTitle, "need", "Partage d'expérience",
                "direction", "THEY_VISIT_US", "participants", 2, "language", "fr",
                "window", Map.of("start", start.toString(), "end", start.plusDays(10).toString())));
        return http.send(HttpRequest.newBuilder(URI.create(EXCHANGE + "/api/requests"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), url + ": " + answer.body());
        return JSON.readTree(answer.body());
    }

    private String token(String user) throws IOException, InterruptedException {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(KEYCLOAK))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=twinning-cli&username=" + user
                        + "&password=demo")).build(), HttpResponse.BodyHandlers.ofString()).body()).path("access_token").asText();
    }
}
