package club.twinning.registry.domain;

/** What a party is: the club counts associations and international organisations as well as cities. */
public enum PartyKind {
    MUNICIPALITY, ASSOCIATION, INTERNATIONAL_ORGANISATION, OTHER
}
