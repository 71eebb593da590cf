package club.twinning.platform.paging;

import club.twinning.platform.problem.ProblemException;

/** How many rows a list answers at most: 1 to {@code max}, {@code fallback} when the client does not say. */
public record Limit(int max, int fallback) {

    /** The query parameter a limit travels in. */
    public static final String PARAMETER = "limit";

    /** Most lists answer 50 unless asked. */
    public static final int DEFAULT = 50;

    public Limit {
        if (max < 1 || fallback < 1 || fallback > max) {
            throw new IllegalArgumentException("limit " + fallback + " of at most " + max);
        }
    }

    public static Limit upTo(int max) {
        return new Limit(max, Math.min(DEFAULT, max));
    }

    /** The page size asked for, or the fallback; out of bounds is a 400 naming {@code limit}. */
    public int of(Integer requested) {
        int size = requested == null ? fallback : requested;
        if (size < 1 || size > max) {
            throw ProblemException.badField(PARAMETER, "between 1 and " + max);
        }
        return size;
    }

    /** Rows to read for a page of {@code size}: one more tells whether a following page exists. */
    public static int probe(int size) {
        return size + 1;
    }
}
