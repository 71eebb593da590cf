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
import java.util.function.Function;

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
        return visible(KnownContact.<KnownContact>findById(id), "contact", id, c -> c.partyCode, "contacts");
    }

    /** The delivery, if this caller may see it: 404 when unknown, 403 other-city when of another city (or of none). */
    public Delivery delivery(UUID id) {
        return visible(Delivery.<Delivery>findById(id), "delivery", id, d -> d.partyCode, "deliveries");
    }

    private <T> T visible(T found, String kind, UUID id, Function<T, String> partyCode, String what) {
        if (found == null) {
            throw ProblemException.notFound(kind, id);
        }
        // the council's and secretariat's mails have no party: a partner sees none of them
        scope().require(Collections.singletonList(partyCode.apply(found)), what);
        return found;
    }
}
