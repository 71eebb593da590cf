package club.twinning.notification.api;

import club.twinning.events.EventType;
import club.twinning.notification.domain.ContactPreference;
import club.twinning.notification.replica.KnownContact;
import club.twinning.notification.domain.Digest;
import club.twinning.notification.service.Access;
import club.twinning.notification.service.EgressPolicy;
import club.twinning.notification.service.WebhookSecrets;
import club.twinning.platform.problem.Problem;
import club.twinning.platform.problem.ProblemException;
import club.twinning.platform.security.Caller;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A contact's notification preferences and webhook secret: the secretariat for all, a partner for its own city. */
@Path("/api/contacts/{id}")
@Tag(name = "Contact settings", description = "A contact's notification preferences and webhook secret.")
@RolesAllowed({Roles.SECRETARIAT, Roles.PARTNER})
@Transactional
@APIResponse(responseCode = "403", description = "The contact belongs to another city")
@APIResponse(responseCode = "404", description = "No such contact")
public class ContactSettingsResource {

    private final Access access;
    private final Caller caller;
    private final WebhookSecrets secrets;
    private final EgressPolicy egress;

    ContactSettingsResource(Access access, Caller caller, WebhookSecrets secrets, EgressPolicy egress) {
        this.access = access;
        this.caller = caller;
        this.secrets = secrets;
        this.egress = egress;
    }

    @GET
    @Path("/preferences")
    @Operation(operationId = "getContactPreferences", summary = "Read a contact's notification preferences",
            description = "The secretariat, or a partner of the contact's own city (403 otherwise): which event types reach the contact, by which channels, immediately or in a daily digest.")
    @APIResponse(responseCode = "200", description = "The preferences")
    public ContactPreference preferences(@PathParam("id") UUID id) {
        access.contact(id);
        return ContactPreference.of(id);
    }

    @PUT
    @Path("/preferences")
    @Operation(operationId = "updateContactPreferences", summary = "Choose what reaches a contact and how",
            description = "The secretariat, or a partner of the contact's own city. eventTypes are CloudEvents types of the AsyncAPI document (/q/asyncapi); digest IMMEDIATE or DAILY at digestHour.")
    @APIResponse(responseCode = "200", description = "The preferences as saved")
    @APIResponse(responseCode = "400", description = "A field is invalid (an unknown event type, a bad hour); errors names it")
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
        preference.updatedBy = caller.name();
        preference.updatedAt = Instant.now();
        preference.persist();
        return preference;
    }

    /**
     * Creates or rotates the secret; this answer is the only time it is shown. The previous one keeps signing (a second
     * {@code v1=}) until {@code previousValidUntil}. Refused (422, field webhookUrl) while the contact's webhook URL is
     * one we would never call.
     */
    @POST
    @Path("/webhook-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Create or rotate a contact's webhook signing secret",
            description = "The secretariat, or a partner of the contact's own city. The answer is the only time the secret is shown; the previous secret keeps signing (a second v1= in Twinning-Signature) until previousValidUntil. Refused while the contact's webhook URL is not a public https endpoint.")
    @APIResponse(responseCode = "200", description = "The new secret and how deliveries are signed")
    @APIResponse(responseCode = "422", description = "The contact's webhook URL is one the platform never calls; errors names webhookUrl")
    public Map<String, String> rotateSecret(@PathParam("id") UUID id) {
        KnownContact contact = access.contact(id);
        if (contact.webhookUrl != null) {
            egress.refusal(contact.webhookUrl).ifPresent(reason -> {
                String message = "not a public https endpoint (" + reason + "): mend it in the registry first";
                throw new ProblemException(422, "refused-address", "Webhook URL refused", "webhookUrl: " + message,
                        List.of(new Problem.FieldError("webhookUrl", message)));
            });
        }
        WebhookSecrets.Rotation rotation = secrets.rotate(id);
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("contactId", id.toString());
        answer.put("secret", rotation.secret());
        answer.put("header", "Twinning-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + \".\" + body)>"
                + " (a second v1= with the previous secret until previousValidUntil)");
        if (rotation.previousValidUntil() != null) {
            answer.put("previousValidUntil", rotation.previousValidUntil().toString());
        }
        return answer;
    }
}
