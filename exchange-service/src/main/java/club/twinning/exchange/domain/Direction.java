package club.twinning.exchange.domain;

/** Who travels: the requesting city's staff to the partner, or the partner's experts to the requester. */
public enum Direction {
    WE_VISIT_THEM, THEY_VISIT_US
}
