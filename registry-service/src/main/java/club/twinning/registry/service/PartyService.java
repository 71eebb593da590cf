package club.twinning.registry.service;

import club.twinning.platform.problem.ExpectedVersion;
import club.twinning.events.EventType;
import club.twinning.platform.problem.ProblemException;
import club.twinning.platform.security.Caller;
import club.twinning.registry.domain.Party;
import club.twinning.registry.messaging.RegistryEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Records the parties of the club; every change is audited and announced. */
@ApplicationScoped
@Transactional
public class PartyService {

    private final RegistryEvents events;
    private final AuditTrail audit;
    private final Caller caller;

    PartyService(RegistryEvents events, AuditTrail audit, Caller caller) {
        this.events = events;
        this.audit = audit;
        this.caller = caller;
    }

    public Party create(PartyInput input) {
        if (Party.findById(input.code()) != null) {
            throw new ProblemException(409, "duplicate", "Party exists", "a party with code '" + input.code() + "' exists")
                    .with("code", input.code());
        }
        Party party = new Party();
        party.code = input.code();
        apply(party, input);
        party.persist();
        party.flush();
        events.party(EventType.PARTY_CREATED, party);
        audit.record("party", party.code, "created", caller.name(), input);
        return party;
    }

    public Party update(String code, ExpectedVersion expected, PartyInput input) {
        Party party = get(code);
        expected.require(party.version);
        if (input.code() != null && !input.code().equals(code)) {
            throw ProblemException.badField("code", "the code of a party never changes");
        }
        apply(party, input);
        party.flush();
        events.party(EventType.PARTY_UPDATED, party);
        audit.record("party", code, "updated", caller.name(), input);
        return party;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Party get(String code) {
        Party party = Party.findById(code);
        if (party == null) {
            throw ProblemException.notFound("party", code);
        }
        return party;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Party> all() {
        return Party.listAll(io.quarkus.panache.common.Sort.by("code"));
    }

    private static void apply(Party party, PartyInput input) {
        if (input.nameFr() == null && input.nameAr() == null && input.nameEn() == null) {
            throw ProblemException.badField("nameFr", "a party needs a name in at least one of fr, ar, en");
        }
        if ((input.latitude() == null) != (input.longitude() == null)) {
            throw ProblemException.badField(input.latitude() == null ? "latitude" : "longitude",
                    "give both latitude and longitude, or neither");
        }
        party.kind = input.kind();
        party.nameFr = input.nameFr();
        party.nameAr = input.nameAr();
        party.nameEn = input.nameEn();
        party.country = input.country();
        party.region = input.region();
        party.latitude = input.latitude();
        party.longitude = input.longitude();
        party.timeZone = Checks.timeZone(input.timeZone());
        party.language = input.language() == null ? "fr" : input.language();
        party.expertiseDomains = new java.util.ArrayList<>(Checks.domains("expertiseDomains", input.expertiseDomains()));
    }
}
