package club.twinning.registry.api;

import club.twinning.registry.domain.Agreement;
import club.twinning.registry.domain.Party;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the open register shows of an agreement: no contacts, no documents, no internal notes. */
public record PublicAgreement(UUID id, String reference, String type, String status, String titleFr, String titleAr,
                              String titleEn, List<PublicParty> parties, String place, LocalDate signedOn,
                              List<String> domains, LocalDate effectiveFrom, LocalDate expiresOn) {

    public record PublicParty(String code, String nameFr, String nameAr, String nameEn, String country,
                              Double latitude, Double longitude) {
        static PublicParty of(Party p) {
            return new PublicParty(p.code, p.nameFr, p.nameAr, p.nameEn, p.country, p.latitude, p.longitude);
        }
    }

    static PublicAgreement of(Agreement a, Map<String, Party> parties) {
        return new PublicAgreement(a.id, a.reference, a.type.name(), a.status.name(), a.titleFr, a.titleAr, a.titleEn,
                a.partyCodes.stream().map(parties::get).map(PublicParty::of).toList(), a.place, a.signedOn,
                List.copyOf(a.domains), a.effectiveFrom, a.expiresOn);
    }
}
