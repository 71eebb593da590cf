package club.twinning.notification.service;

import club.twinning.notification.replica.KnownContact;
import club.twinning.platform.problem.ProblemException;
import club.twinning.platform.security.Caller;
import club.twinning.platform.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * Ops and the secretariat see every contact's deliveries and settings; a partner its own city's only.
 * <p>
 * How it differs from exchange-service's "own city only" ({@code RequestResource}, {@code VisitService}): there a
 * partner who also holds the council role sees every city (the council reviews all requests), here the council role
 * widens nothing (council members are no readers of the delivery log or contacts' settings, and the resources'
 * {@code @RolesAllowed} leave them out), so a partner-and-council user still sees its own city's only. Both read the
 * city from the token's {@code city} claim through platform's {@code Caller}; issue 18's one {@code Caller.cityScope()}
 * must keep this difference as a parameter (the roles that widen the scope), not erase it.
 */
@RequestScoped
public class Access {

    private final Caller caller;

    Access(Caller caller) {
        this.caller = caller;
    }

    public boolean partnerOnly() {
        return caller.is(Roles.PARTNER) && !caller.is(Roles.OPS) && !caller.is(Roles.SECRETARIAT);
    }

    public String city() {
        return caller.requireCity();
    }

    public String actor() {
        return caller.name();
    }

    public KnownContact contact(UUID id) {
        KnownContact contact = KnownContact.findById(id);
        if (contact == null) {
            throw ProblemException.notFound("contact", id);
        }
        party(contact.partyCode);
        return contact;
    }

    public void party(String partyCode) {
        if (partnerOnly() && !city().equals(partyCode)) {
            throw new ProblemException(403, "other-city", "Not your city",
                    "a partner sees its own city's contacts and deliveries only");
        }
    }
}
