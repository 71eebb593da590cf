package club.twinning.exchange.persistence;

import club.twinning.exchange.domain.ExchangeRequest;
import club.twinning.exchange.domain.RequestStatus;
import club.twinning.platform.paging.Cursor;
import club.twinning.platform.paging.Limit;
import club.twinning.platform.paging.Slice;
import club.twinning.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Requests newest first, in keyset pages: the cursor carries the last row's submission time and id. */
@ApplicationScoped
public class RequestSearch {

    public record Filter(String status, String city, String domain, LocalDate from, LocalDate to) {
    }

    private final EntityManager em;

    RequestSearch(EntityManager em) {
        this.em = em;
    }

    public Slice<ExchangeRequest> find(Filter filter, Cursor cursor, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            try {
                params.put("status", RequestStatus.valueOf(filter.status()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badField("status", "unknown status '" + filter.status() + "'");
            }
            where.append(" and r.status = :status");
        }
        if (filter.city() != null) {
            where.append(" and (r.requestingParty = :city or r.partnerParty = :city)");
            params.put("city", filter.city());
        }
        if (filter.domain() != null) {
            where.append(" and r.domain = :domain");
            params.put("domain", filter.domain());
        }
        if (filter.from() != null) {
            where.append(" and r.submittedAt >= :from");
            params.put("from", filter.from().atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (filter.to() != null) {
            where.append(" and r.submittedAt < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (cursor != null) {
            where.append(" and (r.submittedAt < :after or (r.submittedAt = :after and r.id < :afterId))");
            params.put("after", cursor.key(Instant::parse));
            params.put("afterId", cursor.id());
        }
        TypedQuery<ExchangeRequest> query = em.createQuery("select r from ExchangeRequest r where " + where
                + " order by r.submittedAt desc, r.id desc", ExchangeRequest.class);
        params.forEach(query::setParameter);
        return Slice.cut(query.setMaxResults(Limit.probe(limit)).getResultList(), limit,
                last -> Cursor.after(last.submittedAt, last.id));
    }
}
