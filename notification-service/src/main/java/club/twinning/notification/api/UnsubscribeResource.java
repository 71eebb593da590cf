package club.twinning.notification.api;

import club.twinning.notification.config.MailConfig;
import club.twinning.notification.domain.ContactPreference;
import club.twinning.notification.replica.KnownContact;
import club.twinning.notification.service.MailMessages;
import club.twinning.notification.service.Unsubscribes;
import club.twinning.platform.problem.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The one-click unsubscribe of an email's {@code List-Unsubscribe} header (RFC 8058): no login, the signed token is
 * the authority. GET (a person following the footer link) asks first, since link scanners fetch links; POST (the mail
 * client's one click, or the page's button) turns that kind of message off for that contact.
 */
@Path("/unsubscribe")
@Tag(name = "Unsubscribe")
@PermitAll
@Transactional
@APIResponse(responseCode = "400", description = "The token is missing, malformed or not signed by this service",
        content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "404", description = "The token's contact is unknown",
        content = @Content(mediaType = "application/problem+json"))
public class UnsubscribeResource {

    private final Unsubscribes unsubscribes;
    private final Template page;
    private final MailConfig config;

    UnsubscribeResource(Unsubscribes unsubscribes, @Location("unsubscribe.html") Template page, MailConfig config) {
        this.unsubscribes = unsubscribes;
        this.page = page;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "showUnsubscribe", summary = "Ask before turning a kind of email off",
            description = "Public, no login: the token from an email's footer names the contact and the kind of message. "
                    + "Answers a page in the contact's language with a button that posts the one-click unsubscribe.")
    @APIResponse(responseCode = "200", description = "The confirmation page")
    public String ask(@QueryParam("token") String token) {
        Unsubscribes.Target target = target(token);
        return render(target, token, false);
    }

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "unsubscribe", summary = "Turn a kind of email off in one click (RFC 8058)",
            description = "Public, no login: what a mail client posts (body List-Unsubscribe=One-Click) to the URL of the "
                    + "List-Unsubscribe header. Removes the token's event type from the contact's preferences; posting again "
                    + "changes nothing.")
    @APIResponse(responseCode = "200", description = "Done: the page says so in the contact's language")
    public String unsubscribe(@QueryParam("token") String token) {
        Unsubscribes.Target target = target(token);
        ContactPreference preference = Unsubscribes.turnOff(target);
        preference.updatedBy = "unsubscribe link";
        preference.updatedAt = Instant.now();
        preference.persist();
        return render(target, token, true);
    }

    /** The token's contact and kind of message: 400 naming token when it does not verify, 404 for an unknown contact. */
    private Unsubscribes.Target target(String token) {
        Unsubscribes.Target target = unsubscribes.verify(token).orElseThrow(() -> ProblemException.badField("token",
                token == null ? "the unsubscribe link's token is required" : "not a valid unsubscribe token"));
        if (KnownContact.findById(target.contactId()) == null) {
            throw ProblemException.notFound("contact", target.contactId());
        }
        return target;
    }

    private String render(Unsubscribes.Target target, String token, boolean done) {
        KnownContact contact = KnownContact.findById(target.contactId());
        String language = contact.language == null ? "fr" : contact.language;
        MailMessages words = MessageBundles.get(MailMessages.class, Localized.Literal.of(language));
        String kind = words.kind(target.kind());
        return page.data("lang", language).data("dir", "ar".equals(language) ? "rtl" : "ltr")
                .data("title", words.unsubscribe_title()).data("done", done)
                .data("message", done ? words.unsubscribe_done(kind) : words.unsubscribe_confirm(kind))
                .data("button", words.unsubscribe_button()).data("token", token)
                .data("preferences", config.portalUrl() + "/app/contacts?party=" + contact.partyCode)
                .data("preferencesLabel", words.footer_preferences()).render();
    }
}
