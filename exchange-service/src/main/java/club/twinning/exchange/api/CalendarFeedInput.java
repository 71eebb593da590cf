package club.twinning.exchange.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new private feed: its language (default: the token's locale, else French). */
public record CalendarFeedInput(@Schema(enumeration = {"fr", "ar", "en"}) String lang) {
}
