package club.twinning.exchange.domain;

/** A council member's vote; a rejection or a request for changes must say why. */
public enum VoteChoice {
    APPROVE, REJECT, ABSTAIN, REQUEST_CHANGES;

    public boolean needsReason() {
        return this == REJECT || this == REQUEST_CHANGES;
    }
}
