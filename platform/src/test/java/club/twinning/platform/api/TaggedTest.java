package club.twinning.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import club.twinning.platform.problem.ExpectedVersion;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The ETag an answer carries is the one If-Match reads back as the same version. */
@Tag("unit")
class TaggedTest {

    @Test
    void theTagReadsBackAsTheVersion() {
        Response ok = Tagged.ok("view", 7);
        assertEquals(200, ok.getStatus());
        assertEquals("\"7\"", ok.getHeaderString(HttpHeaders.ETAG));
        assertEquals(ExpectedVersion.of(7), ExpectedVersion.fromIfMatch(ok.getHeaderString(HttpHeaders.ETAG)));
        Response created = Tagged.created("/api/things/1", "view", 0);
        assertEquals(201, created.getStatus());
        assertEquals("/api/things/1", created.getLocation().toString());
        assertEquals("\"0\"", created.getHeaderString(HttpHeaders.ETAG));
        assertEquals("view", created.getEntity());
    }
}
