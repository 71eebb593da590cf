package club.twinning.exchange.api;

import club.twinning.exchange.domain.CalendarFeed;
import java.time.Instant;
import java.util.UUID;

/** One of the caller's feeds, without its URL (the secret is shown once, at creation). */
public record CalendarFeedView(UUID id, String lang, Instant createdAt, Instant lastUsedAt) {

    public static CalendarFeedView of(CalendarFeed feed) {
        return new CalendarFeedView(feed.id, feed.lang, feed.createdAt, feed.lastUsedAt);
    }
}
