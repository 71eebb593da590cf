package club.twinning.events.payload;

/** A party (city, association, international organisation) as the register now holds it. */
public record PartyChanged(
        String code,
        String name,
        String kind,
        String country,
        String language,
        Double latitude,
        Double longitude,
        long version) {
}
