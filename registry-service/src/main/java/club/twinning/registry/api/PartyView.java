package club.twinning.registry.api;

import club.twinning.registry.domain.Party;
import java.util.List;

public record PartyView(String code, String kind, String nameFr, String nameAr, String nameEn, String country,
                        String region, Double latitude, Double longitude, String timeZone, String language,
                        List<String> expertiseDomains, long version) {

    public static PartyView of(Party p) {
        return new PartyView(p.code, p.kind, p.nameFr, p.nameAr, p.nameEn, p.country, p.region, p.latitude,
                p.longitude, p.timeZone, p.language, List.copyOf(p.expertiseDomains), p.version);
    }
}
