package club.twinning.exchange.persistence;

import club.twinning.exchange.domain.ExchangeRequest;
import club.twinning.exchange.domain.RequestStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * Writes a new request and its first step in one round trip, or nothing when the submitter already used the
 * Idempotency-Key (insert-or-return: the unique key decides, so two racing retries cannot both insert).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class NewRequests {

    private static final String INSERT = """
            WITH request AS (
                INSERT INTO exchange_request (id, requesting_party, partner_party, agreement_id, domain, title, need, offer,
                    direction, window_start, window_end, participants, language, status, submitted_by, idempotency_key,
                    submitted_at, version)
                VALUES (:id, :requestingParty, :partnerParty, :agreementId, :domain, :title, :need, :offer, :direction,
                    :windowStart, :windowEnd, :participants, :language, :status, :submittedBy, :idempotencyKey,
                    :submittedAt, 0)
                ON CONFLICT (submitted_by, idempotency_key) DO NOTHING
                RETURNING id),
            step AS (
                INSERT INTO request_step (id, request_id, from_status, to_status, actor, reason, at)
                SELECT :stepId, id, NULL, :to, :actor, NULL, :at FROM request)
            SELECT count(*) FROM request""";

    private final EntityManager em;

    NewRequests(EntityManager em) {
        this.em = em;
    }

    /** False when an earlier request of the same submitter has the same Idempotency-Key: nothing was written. */
    public boolean insert(ExchangeRequest r, RequestStep first) {
        NativeQuery<?> query = em.createNativeQuery(INSERT).unwrap(NativeQuery.class);
        query.setParameter("id", r.id)
                .setParameter("requestingParty", r.requestingParty)
                .setParameter("partnerParty", r.partnerParty)
                .setParameter("agreementId", r.agreementId)
                .setParameter("domain", r.domain)
                .setParameter("title", r.title)
                .setParameter("need", r.need)
                .setParameter("offer", r.offer, StandardBasicTypes.STRING)
                .setParameter("direction", r.direction.name())
                .setParameter("windowStart", r.windowStart)
                .setParameter("windowEnd", r.windowEnd)
                .setParameter("participants", r.participants)
                .setParameter("language", r.language)
                .setParameter("status", r.status.name())
                .setParameter("submittedBy", r.submittedBy)
                .setParameter("idempotencyKey", r.idempotencyKey, StandardBasicTypes.STRING)
                .setParameter("submittedAt", r.submittedAt, StandardBasicTypes.INSTANT)
                .setParameter("stepId", first.id)
                .setParameter("to", first.to.name())
                .setParameter("actor", first.actor)
                .setParameter("at", first.at, StandardBasicTypes.INSTANT);
        return ((Number) query.getSingleResult()).intValue() == 1;
    }
}
