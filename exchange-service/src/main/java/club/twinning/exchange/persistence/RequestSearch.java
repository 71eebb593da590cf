package club.twinning.exchange.persistence;

import club.twinning.exchange.domain.ExchangeRequest;
import club.twinning.exchange.domain.RequestStatus;
import club.twinning.platform.paging.Cursor;
import club.twinning.platform.paging.Slice;
import club.twinning.platform.paging.Where;
import club.twinning.platform.query.QueryValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

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
        Where where = new Where()
                .and("r.status = :status", "status", QueryValues.choice(RequestStatus.class, "status", filter.status()))
                .and("(r.requestingParty = :city or r.partnerParty = :city)", "city", filter.city())
                .and("r.domain = :domain", "domain", filter.domain())
                .and("r.submittedAt >= :from", "from", filter.from() == null ? null
                        : filter.from().atStartOfDay(ZoneOffset.UTC).toInstant())
                .and("r.submittedAt < :to", "to", filter.to() == null ? null
                        : filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .after(cursor, "r.submittedAt", "r.id", true, Instant::parse);
        return Slice.read(where.bind(em.createQuery("select r from ExchangeRequest r where " + where
                        + Where.orderBy("r.submittedAt", "r.id", true), ExchangeRequest.class)), limit,
                last -> Cursor.after(last.submittedAt, last.id));
    }
}
