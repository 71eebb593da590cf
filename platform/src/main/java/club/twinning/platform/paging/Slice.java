package club.twinning.platform.paging;

import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.function.Function;

/** The rows of one page as read from the database, with where the following page starts (null on the last). */
public record Slice<R>(List<R> rows, Cursor next) {

    /**
     * Cuts rows read with {@code limit + 1} (see {@link Limit#probe(int)}): one row more than the page means there is
     * a following page, which starts after the page's last row.
     */
    public static <R> Slice<R> cut(List<R> fetched, int limit, Function<? super R, Cursor> position) {
        if (fetched.size() <= limit) {
            return new Slice<>(List.copyOf(fetched), null);
        }
        List<R> rows = List.copyOf(fetched.subList(0, limit));
        return new Slice<>(rows, position.apply(rows.get(limit - 1)));
    }

    /** Reads a page of {@code limit} rows with {@code query} (one more, to know whether a following page exists) and cuts it. */
    public static <R> Slice<R> read(TypedQuery<R> query, int limit, Function<? super R, Cursor> position) {
        return cut(query.setMaxResults(Limit.probe(limit)).getResultList(), limit, position);
    }
}
