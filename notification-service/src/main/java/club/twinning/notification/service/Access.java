package club.twinning.notification.service;

import club.twinning.notification.domain.ContactView;
import club.twinning.platform.problem.ProblemException;
import club.twinning.platform.security.Caller;
import club.twinning.platform.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** Ops and the secretariat see every contact's deliveries and settings; a partner its own city's only. */
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

    public ContactView contact(UUID id) {
        ContactView contact = ContactView.findById(id);
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
