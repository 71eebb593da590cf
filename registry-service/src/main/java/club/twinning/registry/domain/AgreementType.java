package club.twinning.registry.domain;

/** The kinds of agreement the club records. */
public enum AgreementType {
    TWINNING, MOU, COOPERATION_AGREEMENT, FRIENDSHIP_PACT
}
