package club.twinning.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The private calendar URL on the portal's host: relayed with no login to an HTTP server standing in for
 * exchange-service's feed (a real socket), its status and body passed on, kept out of shared caches.
 */
@QuarkusTest
@TestProfile(CalendarFeedRelayTest.Upstream.class)
class CalendarFeedRelayTest {

    static final int PORT = 18497;
    static final String LIVE = "LiVeToKeN_0123456789abcdef";
    static final List<String> ASKED = new CopyOnWriteArrayList<>();
    static HttpServer exchange;

    public static class Upstream implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.calendar-relay.url", "http://127.0.0.1:" + PORT);
        }
    }

    @BeforeAll
    static void standInForExchange() throws IOException {
        exchange = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        exchange.createContext("/calendar/", call -> {
            ASKED.add(call.getRequestURI().getPath() + " auth=" + call.getRequestHeaders().getFirst("Authorization"));
            boolean live = call.getRequestURI().getPath().equals("/calendar/" + LIVE + ".ics");
            byte[] body = (live ? "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n" : "{\"status\":404}")
                    .getBytes(StandardCharsets.UTF_8);
            call.getResponseHeaders().set("Content-Type", live ? "text/calendar; charset=UTF-8" : "application/problem+json");
            call.sendResponseHeaders(live ? 200 : 404, body.length);
            call.getResponseBody().write(body);
            call.close();
        });
        exchange.start();
    }

    @AfterAll
    static void stop() {
        exchange.stop(0);
    }

    @Test
    void aLiveTokenGivesTheFeedWithoutLoginAndPrivately() {
        given().redirects().follow(false).get("/calendar/" + LIVE + ".ics").then().statusCode(200)
                .contentType(containsString("text/calendar"))
                .header("Cache-Control", containsString("private"))
                .body(containsString("BEGIN:VCALENDAR"));
        assertEquals("/calendar/" + LIVE + ".ics auth=null", ASKED.get(ASKED.size() - 1), "no bearer is sent on");
    }

    @Test
    void aRevokedTokenIs404AndAMalformedOneNeverLeavesThePortal() {
        given().redirects().follow(false).get("/calendar/RevokedToken_0123456789.ics").then().statusCode(404)
                .header("Cache-Control", containsString("private"));
        int before = ASKED.size();
        given().redirects().follow(false).get("/calendar/short.ics").then().statusCode(404)
                .body(equalTo("No such calendar."));
        assertEquals(before, ASKED.size());
    }
}
