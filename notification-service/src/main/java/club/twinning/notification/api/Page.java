package club.twinning.notification.api;

import java.util.List;

/** One page of a keyset-paginated list: {@code next} links to the following page, absent on the last. */
public record Page<T>(List<T> items, String nextCursor, String next) {
}
