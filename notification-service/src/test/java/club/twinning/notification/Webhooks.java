package club.twinning.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import club.twinning.events.EventType;
import club.twinning.events.payload.AgreementStatusChanged;
import club.twinning.events.payload.ContactChanged;
import club.twinning.notification.domain.WebhookSecret;
import club.twinning.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What the webhook tests share: a contact's secret, an event that reaches its party, the signature a partner checks. */
final class Webhooks {

    private Webhooks() {
    }

    /** Issues the contact's secret through the API, as the secretariat or the contact's own partner may. */
    static String secretOf(ContactChanged contact) {
        return given().post("/api/contacts/{id}/webhook-secret", contact.contactId()).then().statusCode(200)
                .body("secret", startsWith("whsec_")).extract().path("secret");
    }

    /**
     * Writes a secret straight into the table, unsealed as rows from before sealing were: for a caller the API does not
     * let (ops), or a URL it refuses (as if the URL had changed after the secret was issued).
     */
    static String storedSecret(UUID contact) {
        return QuarkusTransaction.requiringNew().call(() -> {
            WebhookSecret secret = new WebhookSecret();
            secret.contactId = contact;
            secret.secret = "whsec_" + UUID.randomUUID();
            secret.createdAt = Instant.now();
            secret.persist();
            return secret.secret;
        });
    }

    /** The registry announces that an agreement of {@code party} came into force; returns the event's id. */
    static String agreementInForce(TestEvents events, String party) {
        UUID agreement = UUID.randomUUID();
        return events.publish(EventType.AGREEMENT_STATUS_CHANGED, agreement.toString(), new AgreementStatusChanged(agreement,
                "TC-2025-" + agreement.toString().substring(0, 4), "TWINNING", List.of(party), List.of("culture"), "SIGNED",
                "IN_FORCE", null, "secretariat", null, Instant.now(), 1));
    }

    /** The hex HMAC-SHA256 a partner computes over {@code t + "." + body}, written here apart from the service's own. */
    static String hmac(String secret, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
