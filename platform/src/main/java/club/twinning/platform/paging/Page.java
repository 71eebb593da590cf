package club.twinning.platform.paging;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paginated list, as every list answers it: {@code nextCursor} and the {@code next} link (the
 * request's own URI with that cursor) lead to the following page and are absent on the last. Only the three
 * components are serialised, so add no instance getters here: they would change every list's JSON and schema.
 */
public record Page<T>(List<T> items, String nextCursor, String next) {

    /** The page of a slice, each row shown as {@code view}, linking on from the request being answered. */
    public static <R, T> Page<T> of(Slice<R> slice, Function<? super R, ? extends T> view, UriInfo uri) {
        List<T> items = slice.rows().stream().<T>map(view).toList();
        if (slice.next() == null) {
            return new Page<>(items, null, null);
        }
        String cursor = slice.next().encode();
        return new Page<>(items, cursor,
                uri.getRequestUriBuilder().replaceQueryParam(Cursor.PARAMETER, cursor).build().toString());
    }

    /** A list answered whole (bounded by its limit alone): no cursor, no link. */
    public static <T> Page<T> whole(List<T> items) {
        return new Page<>(items, null, null);
    }
}
