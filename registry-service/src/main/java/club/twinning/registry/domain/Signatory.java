package club.twinning.registry.domain;

/** Who signed, for which party. */
public record Signatory(String name, String title, String partyCode) {
}
