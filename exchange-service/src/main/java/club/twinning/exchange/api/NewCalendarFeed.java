package club.twinning.exchange.api;

import java.time.Instant;
import java.util.UUID;

/** A feed just created: {@code url} carries its secret and is shown only in this answer. */
public record NewCalendarFeed(UUID id, String url, String lang, Instant createdAt) {
}
