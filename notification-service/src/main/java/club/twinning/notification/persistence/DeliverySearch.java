package club.twinning.notification.persistence;

import club.twinning.notification.domain.Delivery;
import club.twinning.notification.domain.DeliveryStatus;
import club.twinning.platform.paging.Cursor;
import club.twinning.platform.paging.Limit;
import club.twinning.platform.paging.Slice;
import club.twinning.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The delivery log, newest first, in keyset pages. */
@ApplicationScoped
public class DeliverySearch {

    public record Filter(UUID contact, String party, String eventType, String channel, String status, Instant from, Instant to) {
    }

    private final EntityManager em;

    DeliverySearch(EntityManager em) {
        this.em = em;
    }

    public Slice<Delivery> find(Filter f, Cursor cursor, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        and(where, params, "d.contactId = :contact", "contact", f.contact());
        and(where, params, "d.partyCode = :party", "party", f.party());
        and(where, params, "d.eventType = :type", "type", f.eventType());
        and(where, params, "d.channel = :channel", "channel", f.channel() == null ? null : f.channel().toUpperCase(Locale.ROOT));
        and(where, params, "d.status = :status", "status", status(f.status()));
        and(where, params, "d.createdAt >= :from", "from", f.from());
        and(where, params, "d.createdAt < :to", "to", f.to());
        if (cursor != null) {
            params.put("after", cursor.key(Instant::parse));
            params.put("afterId", cursor.id());
            where.append(" and (d.createdAt < :after or (d.createdAt = :after and d.id < :afterId))");
        }
        TypedQuery<Delivery> query = em.createQuery("select d from Delivery d where " + where
                + " order by d.createdAt desc, d.id desc", Delivery.class);
        params.forEach(query::setParameter);
        return Slice.cut(query.setMaxResults(Limit.probe(limit)).getResultList(), limit,
                last -> Cursor.after(last.createdAt, last.id));
    }

    /** A filter given narrows the search; one not given (null) does not. */
    private static void and(StringBuilder where, Map<String, Object> params, String condition, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.put(name, value);
        }
    }

    private static DeliveryStatus status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("status", "one of PENDING, RETRYING, SENT, FAILED, DIGEST");
        }
    }
}
