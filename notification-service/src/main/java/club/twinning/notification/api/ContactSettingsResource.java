package club.twinning.notification.api;

import club.twinning.events.EventType;
import club.twinning.notification.domain.ContactPreference;
import club.twinning.notification.domain.Digest;
import club.twinning.notification.domain.WebhookSecret;
import club.twinning.notification.service.Access;
import club.twinning.platform.problem.ProblemException;
import club.twinning.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A contact's notification preferences and webhook secret: the secretariat for all, a partner for its own city. */
@Path("/api/contacts/{id}")
@Tag(name = "Contact settings")
@RolesAllowed({Roles.SECRETARIAT, Roles.PARTNER})
@Transactional
public class ContactSettingsResource {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Access access;

    ContactSettingsResource(Access access) {
        this.access = access;
    }

    @GET
    @Path("/preferences")
    public ContactPreference preferences(@PathParam("id") UUID id) {
        access.contact(id);
        return ContactPreference.of(id);
    }

    @PUT
    @Path("/preferences")
    public ContactPreference update(@PathParam("id") UUID id, @Valid @NotNull PreferenceInput input) {
        access.contact(id);
        List<String> types = input.eventTypes() == null ? List.of() : input.eventTypes();
        for (int i = 0; i < types.size(); i++) {
            if (EventType.of(types.get(i)).isEmpty()) {
                throw ProblemException.badField("eventTypes[" + i + "]", "unknown event type '" + types.get(i) + "'");
            }
        }
        ContactPreference preference = ContactPreference.of(id);
        preference.eventTypes = new ArrayList<>(types);
        preference.channels = new ArrayList<>(input.channels() == null ? List.of() : input.channels());
        preference.digest = input.digest() == null ? Digest.IMMEDIATE : Digest.valueOf(input.digest());
        preference.digestHour = input.digestHour() == null ? 8 : input.digestHour();
        preference.updatedBy = access.actor();
        preference.updatedAt = Instant.now();
        preference.persist();
        return preference;
    }

    /** Creates or rotates the secret; this answer is the only time it is shown. */
    @POST
    @Path("/webhook-secret")
    public Map<String, String> rotateSecret(@PathParam("id") UUID id) {
        access.contact(id);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        WebhookSecret secret = WebhookSecret.findById(id);
        if (secret == null) {
            secret = new WebhookSecret();
            secret.contactId = id;
        }
        secret.secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        secret.createdAt = Instant.now();
        secret.persist();
        return Map.of("contactId", id.toString(), "secret", secret.secret,
                "header", "Twinning-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + \".\" + body)>");
    }
}
