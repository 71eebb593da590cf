package club.twinning.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Previous and next over keyset pages: the URL keeps the way here, so going back needs no cursor from the service. */
@Tag("unit")
class PagesTest {

    @Test
    void forwardAppendsTheServicesCursorAndBackDropsTheLast() {
        Pages first = Pages.of("/app/requests", Pages.filters("status", "SUBMITTED", "domain", ""), null, "c1");
        assertNull(first.previous());
        assertEquals("/app/requests?status=SUBMITTED&pages=c1", first.next());
        assertEquals(1, first.number());

        Pages second = Pages.of("/app/requests", Pages.filters("status", "SUBMITTED"), "c1", "c2");
        assertEquals("c1", Pages.cursor("c1"));
        assertEquals("/app/requests?status=SUBMITTED", second.previous());
        assertEquals("/app/requests?status=SUBMITTED&pages=c1.c2", second.next());
        assertEquals(2, second.number());

        Pages last = Pages.of("/app/requests", Pages.filters(), "c1.c2", null);
        assertEquals("c2", Pages.cursor("c1.c2"));
        assertEquals("/app/requests?pages=c1", last.previous());
        assertNull(last.next());
    }

    @Test
    void onlyCursorsTravelOnAndASinglePageHasNoLinks() {
        assertEquals("ok_-1", Pages.cursor("ok_-1.<script>"));
        assertNull(Pages.cursor(""));
        assertFalse(Pages.of("/app/agreements", Pages.filters(), null, null).any());
    }
}
