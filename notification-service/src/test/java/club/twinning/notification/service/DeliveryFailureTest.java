package club.twinning.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a partner reads of a failed send: a category, never the exception (the drills saw an SMTP timeout filed as "error"). */
@Tag("unit")
class DeliveryFailureTest {

    @Test
    void timeoutsOfEveryKindAreTimeouts() {
        assertEquals("timeout", DeliveryFailure.of(new io.smallrye.mutiny.TimeoutException()).category());
        assertEquals("timeout", DeliveryFailure.of(new java.util.concurrent.TimeoutException()).category());
        assertEquals("timeout", DeliveryFailure.of(new CompletionException(new java.net.SocketTimeoutException("Read timed out"))).category());
    }

    @Test
    void aClosedPortAndAnUnknownNameAreTheirOwnCategories() {
        DeliveryFailure refused = DeliveryFailure.of(new ConnectException("Connection refused: /10.0.0.5:8080"));
        assertEquals("refused", refused.category());
        assertFalse(refused.category().contains("10.0.0.5"), "no address in what a partner reads");
        assertEquals("dns", DeliveryFailure.of(new UnknownHostException("inside.svc")).category());
    }

    @Test
    void anHttpStatusCountsAgainstTheEndpointOnlyWhenItIsOverloaded() {
        assertEquals("http-503", DeliveryFailure.http(503).category());
        assertTrue(DeliveryFailure.http(503).endpointFault());
        assertTrue(DeliveryFailure.http(429).endpointFault());
        assertFalse(DeliveryFailure.http(404).endpointFault());
        assertFalse(DeliveryFailure.refusedAddress("metadata").retryable());
    }
}
