package club.twinning.registry.domain;

import club.twinning.platform.state.Lifecycle;
import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of an agreement: DRAFT → NEGOTIATION → PENDING_FORMALITIES → SIGNED → IN_FORCE ⇄ SUSPENDED
 * → TERMINATED | EXPIRED. Negotiations may be abandoned (TERMINATED) before signing.
 */
public enum AgreementStatus implements Lifecycle<AgreementStatus> {
    DRAFT, NEGOTIATION, PENDING_FORMALITIES, SIGNED, IN_FORCE, SUSPENDED, TERMINATED, EXPIRED;

    @Override
    public Set<AgreementStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(NEGOTIATION, TERMINATED);
            case NEGOTIATION -> EnumSet.of(DRAFT, PENDING_FORMALITIES, TERMINATED);
            case PENDING_FORMALITIES -> EnumSet.of(NEGOTIATION, SIGNED, TERMINATED);
            case SIGNED -> EnumSet.of(IN_FORCE, TERMINATED);
            case IN_FORCE -> EnumSet.of(SUSPENDED, TERMINATED, EXPIRED);
            case SUSPENDED -> EnumSet.of(IN_FORCE, TERMINATED, EXPIRED);
            case TERMINATED, EXPIRED -> EnumSet.noneOf(AgreementStatus.class);
        };
    }

    /** What the public register shows: agreements in force, nothing else. */
    public boolean isPublic() {
        return this == IN_FORCE;
    }

    /** Before signing, an agreement is a draft: only the secretariat, the council and its parties see it. */
    public boolean isDraft() {
        return this == DRAFT || this == NEGOTIATION || this == PENDING_FORMALITIES;
    }
}
