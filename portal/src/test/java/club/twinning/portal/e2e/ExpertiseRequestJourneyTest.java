package club.twinning.portal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The journey of the club, in a real browser against the real stack (Keycloak, the three services, the
 * demo data): Agadez asks Es-Semara for know-how, two council members approve, Agadez plans the visit.
 */
@QuarkusTest
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExpertiseRequestJourneyTest {

    private final String title = "Gestion des espaces désertiques " + UUID.randomUUID().toString().substring(0, 8);
    private Browser browser;
    private String requestUrl;

    @BeforeAll
    void open() {
        browser = new Browser();
    }

    @AfterAll
    void close() {
        browser.close();
    }

    @Test
    @Order(1)
    void aPartnerSubmitsARequestThroughTheForm() {
        Page page = browser.loginAs("partner.agadez");
        page.navigate(Browser.PORTAL + "/app/requests/new");
        page.locator("select[name=agreement]").selectOption(page.locator("select[name=agreement] option")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("es-semara")).first()
                .getAttribute("value"));
        page.locator("select[name=domain]").selectOption("desert-land-management");
        page.locator("input[name=title]").fill(title);
        page.locator("textarea[name=need]").fill("Former nos agents à la gestion des espaces désertiques.");
        page.locator("textarea[name=offer]").fill("Accueil d'une délégation et partage de l'expérience d'Agadez.");
        page.locator("input[name=windowStart]").fill(LocalDate.now().plusMonths(1).toString());
        page.locator("input[name=windowEnd]").fill(LocalDate.now().plusMonths(2).toString());
        page.locator("input[name=participants]").fill("3");
        page.locator("#submit-request").click();
        Browser.arrive(page, url -> url.matches(".*/app/requests/[^/]+$") && !url.endsWith("/new"));
        requestUrl = page.url();
        assertEquals("SUBMITTED", page.locator("#request-status").getAttribute("data-status"));
        Browser.screenshot(page, "1-partner-submitted");
        page.context().close();
    }

    @Test
    @Order(2)
    void twoCouncilMembersApproveIt() {
        for (String member : new String[] {"council.tombouctou", "council.vijayawada"}) {
            Page page = browser.loginAs(member);
            page.navigate(Browser.PORTAL + "/app/review");
            page.locator("#review a", new Page.LocatorOptions().setHasText(title)).first().click();
            page.locator("#vote-form input[value=APPROVE]").check();
            page.locator("#vote-form textarea[name=reason]").fill("Expertise utile au réseau.");
            page.locator("#vote-form button[type=submit]").click();
            page.waitForLoadState();
            Browser.screenshot(page, "2-vote-" + member);
            page.context().close();
        }
    }

    @Test
    @Order(3)
    void thePartnerSeesItApprovedAndPlansTheVisit() {
        Page page = browser.loginAs("partner.agadez");
        page.navigate(requestUrl);
        assertEquals("APPROVED", page.locator("#request-status").getAttribute("data-status"));
        page.locator("#visit-form input[name=delegateName]").fill("Délégation d'Agadez");
        page.locator("#visit-form input[name=delegateRole]").fill("Chef de délégation");
        page.locator("#visit-form button[type=submit]").click();
        page.waitForLoadState();
        page.navigate(requestUrl);
        assertEquals("SCHEDULED", page.locator("#request-status").getAttribute("data-status"));
        assertTrue(page.locator("#visit-link").isVisible(), "the planned visit is linked from the request");
        Browser.screenshot(page, "3-partner-visit-planned");

        page.locator("a[data-lang=ar]").click();
        page.waitForLoadState();
        assertEquals("rtl", page.locator("html").getAttribute("dir"));
        assertEquals("ar", page.locator("html").getAttribute("lang"));
        Browser.screenshot(page, "4-arabic-rtl");
        page.context().close();
    }
}
