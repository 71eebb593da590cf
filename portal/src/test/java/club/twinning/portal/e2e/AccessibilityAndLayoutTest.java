package club.twinning.portal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.RequestOptions;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every page, as each kind of person, in French and Arabic, on a phone and (Arabic) on a desktop: axe-core (the npm
 * package, pinned in src/main/webui, injected into the page) finds no serious or critical violation, the
 * Content-Security-Policy refuses nothing the page needs, and a screenshot of each is kept in target/screenshots.
 * Also: keyset pages forward and back, the map drawn on every load, forged forms refused with a real session.
 */
@QuarkusTest
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityAndLayoutTest {

    private static final Path AXE = Paths.get("src", "main", "webui", "node_modules", "axe-core", "axe.min.js");
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Browser browser;
    private String axe;

    @BeforeAll
    void open() throws IOException, InterruptedException {
        browser = new Browser();
        axe = Files.readString(AXE, StandardCharsets.UTF_8);
        enoughRequestsToPage();
    }

    /**
     * A fresh stack's demo data holds agreements, not requests: Agadez submits six to Es-Semara through
     * exchange-service's API, so that every list has rows to link to and more than a page (4 in tests) to page through.
     */
    private static void enoughRequestsToPage() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String token = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:8180/realms/twinning/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=twinning-cli&username=partner.agadez&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("access_token").asText();
        JsonNode agreements = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:8081/api/agreements?party=agadez&status=IN_FORCE"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
        String agreement = agreements.findParents("reference").stream()
                .filter(a -> "JUM-2025-ES-SEMARA-AGADEZ".equals(a.path("reference").asText()))
                .map(a -> a.path("id").asText()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Es-Semara–Agadez agreement in force: " + agreements));
        java.time.LocalDate start = java.time.LocalDate.now().plusMonths(2);
        for (int i = 1; i <= 6; i++) {
            String body = JSON.writeValueAsString(Map.of("partnerParty", "es-semara", "agreementId", agreement,
                    "domain", "desert-land-management", "title", "Essai de pagination " + i, "need", "Partage d'expérience",
                    "direction", "THEY_VISIT_US", "participants", 2, "language", "fr",
                    "window", Map.of("start", start.toString(), "end", start.plusDays(10).toString())));
            HttpResponse<String> made = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8082/api/requests"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, made.statusCode(), made.body());
        }
    }

    @AfterAll
    void close() {
        browser.close();
    }

    @Test
    void everyPagePassesAxeInFrenchAndArabicOnAPhoneAndADesktop() {
        Map<String, List<String>> pagesByPerson = new LinkedHashMap<>();
        pagesByPerson.put("public", List.of("/"));
        pagesByPerson.put("partner.agadez", List.of("/app", "/app/requests", "/app/requests/new", "/app/visits",
                "/app/calendar", "/app/calendar/feeds", "/app/agreements", "/app/contacts", "/app/requests >> #requests tbody a", "/app/agreements >> #agreements tbody a"));
        pagesByPerson.put("council.expert", List.of("/app/review", "/app/dashboard", "/app/requests?status=APPROVED", "/app/review >> #review tbody a"));
        pagesByPerson.put("secretariat", List.of("/app/deliveries", "/app/parties/new", "/app/agreements/new", "/app/contacts"));
        List<String> failures = new ArrayList<>();
        for (String language : List.of("fr", "ar")) {
            for (var person : pagesByPerson.entrySet()) {
                for (int[] size : new int[][] {{390, 844}, {1280, 900}}) {
                    boolean phone = size[0] < 600;
                    if (!phone && language.equals("fr")) {
                        continue; // French on a desktop is what the other browser tests see
                    }
                    Page page = login(person.getKey(), language, size[0], size[1]);
                    List<String> refused = watchCsp(page);
                    for (String target : person.getValue()) {
                        String url = visit(page, target);
                        String name = language + "-" + (phone ? "phone" : "desktop") + "-" + person.getKey() + "-"
                                + url.replace(Browser.PORTAL, "").replaceAll("[^A-Za-z0-9]+", "_");
                        waitForMap(page);
                        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
                        assertEquals(language, page.locator("html").getAttribute("lang"), url);
                        assertEquals(language.equals("ar") ? "rtl" : "ltr", page.locator("html").getAttribute("dir"), url);
                        for (JsonNode v : violations(page)) {
                            failures.add(name + ": " + v.path("impact").asText() + " " + v.path("id").asText() + " — "
                                    + v.path("help").asText() + " at " + v.path("nodes"));
                        }
                        if (phone) {
                            int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
                            if (width > size[0]) {
                                failures.add(name + ": " + width + " px wide on a " + size[0] + " px phone");
                            }
                        }
                    }
                    if (!refused.isEmpty()) {
                        failures.add(language + " " + person.getKey() + ": the CSP refused " + refused);
                    }
                    page.context().close();
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void theListsPageForwardAndBack() {
        Page page = login("secretariat", "fr", 1280, 900);
        page.navigate(Browser.PORTAL + "/app/agreements");
        List<String> first = ids(page, "#agreements");
        assertEquals(4, first.size(), "a page of the test profile's size");
        page.locator("#next-page").click();
        page.waitForURL(url -> url.contains("pages="));
        List<String> second = ids(page, "#agreements");
        assertTrue(second.stream().noneMatch(first::contains), "the next page has other agreements: " + first + " / " + second);
        page.locator("#next-page").click();
        page.waitForURL(url -> trail(url).contains("."));
        assertTrue(page.locator("nav.pager [aria-current=page]").innerText().contains("3"));
        page.locator("#previous-page").click();
        page.waitForURL(url -> url.contains("pages=") && !trail(url).contains("."));
        assertEquals(second, ids(page, "#agreements"), "back to the second page");
        page.locator("#previous-page").click();
        page.waitForURL(url -> !url.contains("pages="));
        assertEquals(first, ids(page, "#agreements"), "back to the first page");
        assertEquals(0, page.locator("#previous-page").count());

        // The requests as the council sees them, a status and a domain kept from page to page.
        page.context().close();
        page = login("council.expert", "fr", 1280, 900);
        page.navigate(Browser.PORTAL + "/app/requests");
        List<String> requests = new ArrayList<>(ids(page, "#requests"));
        for (int turn = 1; turn <= 3 && page.locator("#next-page").count() > 0; turn++) {
            String before = page.url();
            page.locator("#next-page").click();
            page.waitForURL(url -> !url.equals(before));
            List<String> more = ids(page, "#requests");
            assertTrue(more.stream().noneMatch(requests::contains), "no request twice");
            requests.addAll(more);
        }
        assertTrue(requests.size() > 4, "past the first page: " + requests.size());
        // Names, not codes: every party cell shows the registry's name.
        String cell = page.locator("#requests td[data-code]").first().innerText();
        assertNotEquals(page.locator("#requests td[data-code]").first().getAttribute("data-code"), cell.trim(), "a name, not the code");
        page.selectOption("#domain-picker", page.locator("#domain-picker option").nth(1).getAttribute("value"));
        page.locator("#domain-filter button").click();
        page.waitForURL(url -> url.contains("domain="));
        assertTrue(page.locator("#domain-picker option[selected]").count() == 1, "the chosen domain stays chosen");
        page.context().close();
    }

    @Test
    void theMapIsDrawnOnEveryLoad() {
        for (int load = 1; load <= 4; load++) {
            Page page = browser.open(1280, 900);
            page.navigate(Browser.PORTAL + "/");
            waitForMap(page);
            assertNotEquals("error", page.locator("svg.map").getAttribute("data-drawn"), "load " + load);
            assertTrue(page.locator("svg.map circle.party").count() > 0, "load " + load + " shows the parties");
            assertTrue(page.locator("svg.map .land path").count() > 100, "load " + load + " shows the countries");
            page.context().close();
        }
    }

    @Test
    void aFormForgedElsewhereIsRefusedAndLogoutIsAButton() {
        Page page = login("partner.agadez", "fr", 1280, 900);
        page.navigate(Browser.PORTAL + "/app/requests");
        String id = page.locator("#requests tbody tr").first().getAttribute("data-id");
        APIResponse forged = page.request().post(Browser.PORTAL + "/app/requests/" + id + "/withdrawal",
                RequestOptions.create().setHeader("Origin", "http://evil.example").setHeader("Sec-Fetch-Site", "cross-site")
                        .setForm(com.microsoft.playwright.options.FormData.create().set("reason", "forged")).setMaxRedirects(0));
        assertEquals(403, forged.status(), "a withdrawal from another site, with the person's session, is refused");
        APIResponse linked = page.request().get(Browser.PORTAL + "/logout", RequestOptions.create().setMaxRedirects(0));
        assertEquals(405, linked.status(), "a link cannot log anyone out");
        page.navigate(Browser.PORTAL + "/app");
        assertTrue(page.locator("#welcome").isVisible(), "still logged in");
        page.locator("#logout").click();
        // Keycloak's end-session page sends back to the register (with its state).
        Browser.arrive(page, url -> url.equals(Browser.PORTAL + "/") || url.startsWith(Browser.PORTAL + "/?"));
        page.navigate(Browser.PORTAL + "/app");
        page.waitForSelector("#username");
        page.context().close();
    }

    private Page login(String person, String language, int width, int height) {
        Page page = browser.open(width, height);
        BrowserContext context = page.context();
        context.addCookies(List.of(new Cookie("twinning-lang", language).setDomain("127.0.0.1").setPath("/")));
        if (person.equals("public")) {
            return page;
        }
        page.navigate(Browser.PORTAL + "/app");
        Browser.signIn(page, person);
        Browser.arrive(page, url -> url.startsWith(Browser.PORTAL + "/app"));
        return page;
    }

    /** A path, or {@code path >> selector}: the first link the selector finds on that page. */
    private static String visit(Page page, String target) {
        if (target.contains(" >> ")) {
            String[] parts = target.split(" >> ", 2);
            page.navigate(Browser.PORTAL + parts[0]);
            target = page.locator(parts[1]).first().getAttribute("href");
        }
        page.navigate(Browser.PORTAL + target);
        return page.url();
    }

    private static void waitForMap(Page page) {
        if (page.locator("svg.map").count() > 0) {
            page.waitForSelector("svg.map[data-drawn]");
        }
    }

    private static List<String> watchCsp(Page page) {
        List<String> refused = new CopyOnWriteArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                refused.add(page.url() + ": " + message.text());
            }
        });
        return refused;
    }

    private JsonNode violations(Page page) {
        page.evaluate("() => { if (!window.axe) { " + axe + "\n } }");
        String found = (String) page.evaluate("async () => { const r = await axe.run(document, "
                + "{ resultTypes: ['violations'] });"
                + " return JSON.stringify(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))); }");
        try {
            return JSON.readTree(found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cursors in a list's URL (after pages=). */
    private static String trail(String url) {
        int at = url.indexOf("pages=");
        return at < 0 ? "" : url.substring(at + 6);
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Page page, String table) {
        return (List<String>) page.locator(table + " tbody tr").evaluateAll("rows => rows.map(r => r.dataset.id)");
    }
}
