package club.twinning.events.payload;

import java.util.List;

/** A party (city, association, international organisation) as the register now holds it. */
public record PartyChanged(
        String code,
        String kind,
        String nameFr,
        String nameAr,
        String nameEn,
        String country,
        String region,
        Double latitude,
        Double longitude,
        String timeZone,
        /** The language its contacts fall back to when they have none: fr, ar or en. */
        String language,
        /** Cooperation domains (the shared taxonomy) it offers expertise in. */
        List<String> expertiseDomains,
        long version) {
}
