package club.twinning.platform.paging;

import jakarta.persistence.TypedQuery;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The where clause of a filtered keyset list, built the one way every search builds it: a condition for each filter the
 * client gave (absent filters add nothing), the keyset condition of the cursor, and the parameters they bind.
 */
public final class Where {

    private final StringBuilder text = new StringBuilder("1 = 1");
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** {@code condition} (which names {@code :parameter}) when {@code value} is given; nothing when it is null. */
    public Where and(String condition, String parameter, Object value) {
        if (value != null) {
            and(condition);
            parameters.put(parameter, value);
        }
        return this;
    }

    /** A condition always there; bind what it names with {@link #bind}. */
    public Where and(String condition) {
        text.append(" and ").append(condition);
        return this;
    }

    public Where bind(String parameter, Object value) {
        parameters.put(parameter, value);
        return this;
    }

    /**
     * The rows after {@code cursor} in the order of {@link #orderBy(String, String, boolean)} ({@code key}, then
     * {@code id}); nothing on the first page (no cursor). {@code readKey} reads the cursor's key as the column's type.
     */
    public Where after(Cursor cursor, String key, String id, boolean descending, Function<String, ?> readKey) {
        if (cursor == null) {
            return this;
        }
        String op = descending ? "<" : ">";
        and("(" + key + " " + op + " :after or (" + key + " = :after and " + id + " " + op + " :afterId))");
        parameters.put("after", cursor.key(readKey));
        parameters.put("afterId", cursor.id());
        return this;
    }

    /** The order of a keyset list: the sort key, then the id as tie-breaker, both the same way. */
    public static String orderBy(String key, String id, boolean descending) {
        String direction = descending ? " desc" : " asc";
        return " order by " + key + direction + ", " + id + direction;
    }

    /** The parameters the conditions name, to bind on the query. */
    public Map<String, Object> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /** Binds every parameter the conditions name on {@code query}. */
    public <T> TypedQuery<T> bind(TypedQuery<T> query) {
        parameters.forEach(query::setParameter);
        return query;
    }

    /** The conditions, to follow "where". */
    @Override
    public String toString() {
        return text.toString();
    }
}
