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
        if (f.contact() != null) {
            where.append(" and d.contactId = :contact");
            params.put("contact", f.contact());
        }
        if (f.party() != null) {
            where.append(" and d.partyCode = :party");
            params.put("party", f.party());
        }
        if (f.eventType() != null) {
            where.append(" and d.eventType = :type");
            params.put("type", f.eventType());
        }
        if (f.channel() != null) {
            where.append(" and d.channel = :channel");
            params.put("channel", f.channel().toUpperCase(java.util.Locale.ROOT));
        }
        if (f.status() != null) {
            try {
                params.put("status", DeliveryStatus.valueOf(f.status()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badField("status", "one of PENDING, RETRYING, SENT, FAILED, DIGEST");
            }
            where.append(" and d.status = :status");
        }
        if (f.from() != null) {
            where.append(" and d.createdAt >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            where.append(" and d.createdAt < :to");
            params.put("to", f.to());
        }
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
}
