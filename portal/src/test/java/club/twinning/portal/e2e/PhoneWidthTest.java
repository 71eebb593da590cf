package club.twinning.portal.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** On a phone (390 px wide) the pages fit the screen and the menu folds behind a button. */
@QuarkusTest
@Tag("e2e")
class PhoneWidthTest {

    @Test
    void thePagesFitAPhone() {
        try (Browser browser = new Browser()) {
            Page page = browser.open(390, 844);
            page.navigate(Browser.PORTAL + "/");
            page.waitForSelector("svg.map[data-drawn]");
            assertFits(page, "public register");
            assertTrue(page.locator(".menu-button").isVisible(), "the menu is behind a button");
            assertTrue(!page.locator(".menu").isVisible(), "the menu is folded");
            page.locator(".menu-button").click();
            assertTrue(page.locator(".menu").isVisible(), "the button unfolds the menu");
            Browser.screenshot(page, "5-phone-register");

            page.navigate(Browser.PORTAL + "/app");
            Browser.signIn(page, "partner.tangier");
            page.waitForURL(url -> url.startsWith(Browser.PORTAL + "/app"));
            page.navigate(Browser.PORTAL + "/app/requests/new");
            assertFits(page, "request form");
            Browser.screenshot(page, "6-phone-request-form");
        }
    }

    private static void assertFits(Page page, String what) {
        int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertTrue(width <= 390, what + " is " + width + " px wide on a 390 px screen");
    }
}
