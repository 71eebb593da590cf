package club.twinning.exchange.api;

import jakarta.validation.constraints.Pattern;

/** A new private feed: its language (default: the token's locale, else French). */
public record CalendarFeedInput(@Pattern(regexp = "fr|ar|en", message = "fr, ar or en") String lang) {
}
