package club.twinning.registry.service;

import club.twinning.platform.problem.ExpectedVersion;
import club.twinning.events.EventType;
import club.twinning.platform.egress.EgressRules;
import club.twinning.platform.problem.Problem;
import club.twinning.platform.problem.ProblemException;
import club.twinning.platform.security.Caller;
import club.twinning.platform.security.Roles;
import club.twinning.registry.domain.Contact;
import club.twinning.registry.domain.Party;
import club.twinning.registry.messaging.RegistryEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The people to reach at each party: the secretariat manages all, a partner its own city's only. */
@ApplicationScoped
@Transactional
public class ContactService {

    private final RegistryEvents events;
    private final AuditTrail audit;
    private final Caller caller;
    private final EgressRules egress;
    private final PartyService parties;

    ContactService(RegistryEvents events, AuditTrail audit, Caller caller, EgressRules egress, PartyService parties) {
        this.events = events;
        this.audit = audit;
        this.caller = caller;
        this.egress = egress;
        this.parties = parties;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Contact> of(String partyCode) {
        parties.get(partyCode);
        mayAct(partyCode);
        return Contact.list("partyCode = ?1 order by name", partyCode);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Contact get(UUID id) {
        Contact contact = Contact.findById(id);
        if (contact == null) {
            throw ProblemException.notFound("contact", id);
        }
        mayAct(contact.partyCode);
        return contact;
    }

    public Contact create(String partyCode, ContactInput input) {
        Party party = parties.get(partyCode);
        mayAct(partyCode);
        Contact contact = new Contact();
        contact.id = UUID.randomUUID();
        contact.partyCode = partyCode;
        boolean council = councilFlag(false, input.councilMember());
        apply(contact, input, party);
        contact.councilMember = council;
        contact.persist();
        contact.flush();
        events.contact(EventType.CONTACT_CREATED, contact);
        audit.record("contact", contact.id.toString(), "created", caller.name(), input);
        auditCouncilFlag(contact, false);
        return contact;
    }

    public Contact update(UUID id, ExpectedVersion expected, ContactInput input) {
        Contact contact = get(id);
        expected.require(contact.version);
        boolean wasActive = contact.active;
        boolean wasCouncil = contact.councilMember;
        boolean council = councilFlag(wasCouncil, input.councilMember());
        apply(contact, input, parties.get(contact.partyCode));
        contact.councilMember = council;
        contact.flush();
        boolean deactivated = wasActive && !contact.active;
        events.contact(deactivated ? EventType.CONTACT_DEACTIVATED : EventType.CONTACT_UPDATED, contact);
        audit.record("contact", id.toString(), deactivated ? "deactivated" : "updated", caller.name(), input);
        auditCouncilFlag(contact, wasCouncil);
        return contact;
    }

    /**
     * Whether a contact is the council's address is a governance fact: only the secretariat sets or changes it. A
     * partner may leave it out (it is kept) or repeat its current value; anything else is refused, naming the field.
     */
    private boolean councilFlag(boolean current, Boolean asked) {
        if (asked == null || asked == current) {
            return current;
        }
        if (!caller.is(Roles.SECRETARIAT)) {
            throw new ProblemException(403, "council-flag", "Only the secretariat marks the council's address",
                    "councilMember: only the secretariat may set or change whether a contact is the council's address",
                    List.of(new Problem.FieldError("councilMember", "only the secretariat may set or change it")))
                    .with("field", "councilMember");
        }
        return asked;
    }

    /**
     * A webhook URL the platform would never call is refused on save, as notification-service refuses it again at
     * send time. The name is not looked up here: a lookup's answer or its time would tell a partner which inside names
     * exist, and a name can re-resolve anyway; notification-service checks every address right before it connects.
     */
    private void checkWebhookUrl(String url) {
        if (url == null) {
            return;
        }
        egress.refusal(url).ifPresent(refused -> {
            throw ProblemException.badField("webhookUrl", refused.category().code + ": " + refused.getMessage())
                    .with("reason", refused.category().code);
        });
    }

    /** Every change of the council flag is audited on its own: who, when, from what to what. */
    private void auditCouncilFlag(Contact contact, boolean before) {
        if (contact.councilMember != before) {
            audit.record("contact", contact.id.toString(), "council-flag", caller.name(),
                    java.util.Map.of("from", before, "to", contact.councilMember));
        }
    }

    /** The secretariat acts for every party; a partner for its own city only (403 other-city, or no-city). */
    private void mayAct(String partyCode) {
        caller.cityScope(Roles.SECRETARIAT).require(List.of(partyCode), "contacts");
    }

    private void apply(Contact contact, ContactInput input, Party party) {
        List<String> channels = input.channels() == null || input.channels().isEmpty()
                ? List.of("email") : input.channels().stream().distinct().toList();
        if (channels.contains("webhook") && input.webhookUrl() == null) {
            throw ProblemException.badField("webhookUrl", "the webhook channel needs a webhook URL");
        }
        checkWebhookUrl(input.webhookUrl());
        contact.name = input.name();
        contact.title = input.title();
        contact.email = input.email();
        contact.phone = input.phone();
        contact.language = input.language() != null ? input.language() : party.language;
        contact.channels = new ArrayList<>(channels);
        contact.webhookUrl = input.webhookUrl();
        contact.active = input.active() == null || input.active();
    }
}
