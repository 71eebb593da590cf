package club.twinning.notification.service;

import club.twinning.notification.domain.Delivery;
import club.twinning.notification.replica.KnownContact;
import club.twinning.platform.problem.ProblemException;
import club.twinning.platform.security.Caller;
import club.twinning.platform.security.CityScope;
import club.twinning.platform.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collections;
import java.util.UUID;

/**
 * Ops and the secretariat see every contact's deliveries and settings; a partner its own city's only.
 * <p>
 * How it differs from exchange-service's "own city only" ({@code RequestResource}, {@code VisitService}): there a
 * partner who also holds the council role sees every city (the council reviews all requests), here the council role
 * widens nothing (council members are no readers of the delivery log or contacts' settings, and the resources'
 * {@code @RolesAllowed} leave them out), so a partner-and-council user still sees its own city's only. Hence the
 * widening roles named here, for platform's {@link Caller#cityScope(String...)}.
 */
@RequestScoped
public class Access {

    private final Caller caller;

    Access(Caller caller) {
        this.caller = caller;
    }

    /** The cities this caller sees in the delivery log and contacts' settings. */
    public CityScope scope() {
        return caller.cityScope(Roles.OPS, Roles.SECRETARIAT);
    }

    /** The contact, if this caller may see its settings: 404 when unknown, 403 other-city when of another city. */
    public KnownContact contact(UUID id) {
        KnownContact contact = KnownContact.findById(id);
        if (contact == null) {
            throw ProblemException.notFound("contact", id);
        }
        require(contact.partyCode, "contacts");
        return contact;
    }

    /** The delivery, if this caller may see it: 404 when unknown, 403 other-city when of another city (or of none). */
    public Delivery delivery(UUID id) {
        Delivery delivery = Delivery.findById(id);
        if (delivery == null) {
            throw ProblemException.notFound("delivery", id);
        }
        require(delivery.partyCode, "deliveries");
        return delivery;
    }

    private void require(String partyCode, String what) {
        scope().require(Collections.singletonList(partyCode), what); // the council's and secretariat's mails have no party
    }
}
