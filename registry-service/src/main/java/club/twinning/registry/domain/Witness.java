package club.twinning.registry.domain;

/** Who witnessed the signing (a governor, a secretary-general). */
public record Witness(String name, String title, String organisation) {
}
