package club.twinning.exchange.persistence;

import club.twinning.exchange.domain.ExchangeRequest;
import club.twinning.exchange.domain.RequestStatus;
import club.twinning.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Requests newest first, in keyset pages: the cursor carries the last row's submission time and id. */
@ApplicationScoped
public class RequestSearch {

    public record Filter(String status, String city, String domain, LocalDate from, LocalDate to) {
    }

    public record Result(List<ExchangeRequest> items, String nextCursor) {
    }

    private final EntityManager em;

    RequestSearch(EntityManager em) {
        this.em = em;
    }

    public Result find(Filter filter, String cursor, int limit) {
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
            String[] parts = decode(cursor);
            where.append(" and (r.submittedAt < :after or (r.submittedAt = :after and r.id < :afterId))");
            params.put("after", Instant.parse(parts[0]));
            params.put("afterId", UUID.fromString(parts[1]));
        }
        TypedQuery<ExchangeRequest> query = em.createQuery("select r from ExchangeRequest r where " + where
                + " order by r.submittedAt desc, r.id desc", ExchangeRequest.class);
        params.forEach(query::setParameter);
        List<ExchangeRequest> rows = new ArrayList<>(query.setMaxResults(limit + 1).getResultList());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            ExchangeRequest last = rows.get(limit - 1);
            next = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((last.submittedAt + "\n" + last.id).getBytes(StandardCharsets.UTF_8));
        }
        return new Result(rows, next);
    }

    private static String[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 2);
            Instant.parse(parts[0]);
            UUID.fromString(parts[1]);
            return parts;
        } catch (RuntimeException e) {
            throw ProblemException.badField("cursor", "not a cursor this list gave out");
        }
    }
}
