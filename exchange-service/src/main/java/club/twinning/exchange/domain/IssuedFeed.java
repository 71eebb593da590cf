package club.twinning.exchange.domain;

/** A feed just created, with its secret token: the only moment the token exists outside the caller's calendar. */
public record IssuedFeed(CalendarFeed feed, String token) {
}
