package club.twinning.notification.persistence;

import club.twinning.notification.domain.Delivery;
import club.twinning.notification.domain.DeliveryStatus;
import club.twinning.platform.paging.Cursor;
import club.twinning.platform.paging.Slice;
import club.twinning.platform.paging.Where;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** The delivery log, newest first, in keyset pages (platform's {@link Where}: a filter not given narrows nothing). */
@ApplicationScoped
public class DeliverySearch {

    public record Filter(UUID contact, String party, String eventType, String channel, DeliveryStatus status, Instant from,
                         Instant to) {
    }

    private final EntityManager em;

    DeliverySearch(EntityManager em) {
        this.em = em;
    }

    public Slice<Delivery> find(Filter f, Cursor cursor, int limit) {
        Where where = new Where()
                .and("d.contactId = :contact", "contact", f.contact())
                .and("d.partyCode = :party", "party", f.party())
                .and("d.eventType = :type", "type", f.eventType())
                .and("d.channel = :channel", "channel", f.channel() == null ? null : f.channel().toUpperCase(Locale.ROOT))
                .and("d.status = :status", "status", f.status())
                .and("d.createdAt >= :from", "from", f.from())
                .and("d.createdAt < :to", "to", f.to())
                .after(cursor, "d.createdAt", "d.id", true, Instant::parse);
        return Slice.read(where.bind(em.createQuery("select d from Delivery d where " + where
                        + Where.orderBy("d.createdAt", "d.id", true), Delivery.class)), limit,
                last -> Cursor.after(last.createdAt, last.id));
    }
}
