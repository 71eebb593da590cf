package club.twinning.events.payload;

/** Council votes on an exchange request so far. */
public record Tally(int approve, int reject, int abstain, int requestChanges) {
}
