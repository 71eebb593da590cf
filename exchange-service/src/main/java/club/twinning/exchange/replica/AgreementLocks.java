package club.twinning.exchange.replica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Row locks on the known agreements (the replica of the registry's). Every change that rests on an agreement being in force reads its
 * status under a shared lock, held to the end of its transaction; the consumer of the registry's status changes
 * takes the row exclusively before it changes the status. So a change either commits before the consumer sees
 * the new status (and the consumer then finds, and holds or closes, what it made) or it sees the new status.
 * Always the agreement first, then the request or visit: the consumer locks in that order too.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AgreementLocks {

    /** An agreement's status as of the lock. */
    public record Locked(UUID id, String reference, String status) {
    }

    private final EntityManager em;

    AgreementLocks(EntityManager em) {
        this.em = em;
    }

    public Optional<Locked> share(UUID agreementId) {
        return one("SELECT a.id, a.reference, a.status FROM agreement_view a WHERE a.id = :id FOR SHARE", agreementId);
    }

    /**
     * The oldest agreement (by reference) in force between the two parties, locked in the same statement: a row whose
     * status changes while this waits for it is checked again once the change commits, and skipped if no longer in force.
     */
    public Optional<Locked> shareInForceBetween(String a, String b) {
        return rows(em.createNativeQuery("""
                SELECT a.id, a.reference, a.status FROM agreement_view a
                WHERE a.status = 'IN_FORCE'
                  AND EXISTS (SELECT 1 FROM agreement_view_party p WHERE p.agreement_id = a.id AND p.party_code = :a)
                  AND EXISTS (SELECT 1 FROM agreement_view_party p WHERE p.agreement_id = a.id AND p.party_code = :b)
                ORDER BY a.reference LIMIT 1 FOR SHARE OF a""").setParameter("a", a).setParameter("b", b));
    }

    /** The named agreement, locked, if it binds both parties (whatever its status). */
    public Optional<Locked> shareBinding(UUID agreementId, String a, String b) {
        return rows(em.createNativeQuery("""
                SELECT a.id, a.reference, a.status FROM agreement_view a
                WHERE a.id = :id
                  AND EXISTS (SELECT 1 FROM agreement_view_party p WHERE p.agreement_id = a.id AND p.party_code = :a)
                  AND EXISTS (SELECT 1 FROM agreement_view_party p WHERE p.agreement_id = a.id AND p.party_code = :b)
                FOR SHARE OF a""").setParameter("id", agreementId).setParameter("a", a).setParameter("b", b));
    }

    /** The agreement a request rests on. */
    public Optional<Locked> shareForRequest(UUID requestId) {
        return one("""
                SELECT a.id, a.reference, a.status FROM agreement_view a JOIN exchange_request r ON r.agreement_id = a.id
                WHERE r.id = :id FOR SHARE OF a""", requestId);
    }

    /** The agreement a visit's request rests on. */
    public Optional<Locked> shareForVisit(UUID visitId) {
        return one("""
                SELECT a.id, a.reference, a.status FROM agreement_view a JOIN exchange_request r ON r.agreement_id = a.id
                JOIN visit v ON v.request_id = r.id WHERE v.id = :id FOR SHARE OF a""", visitId);
    }

    /** Taken by the consumer before it changes the agreement: waits for the changes that read it in force. */
    public void exclusive(UUID agreementId) {
        em.createNativeQuery("SELECT id FROM agreement_view WHERE id = :id FOR UPDATE")
                .setParameter("id", agreementId).getResultList();
    }

    private Optional<Locked> one(String sql, UUID id) {
        return rows(em.createNativeQuery(sql).setParameter("id", id));
    }

    private static Optional<Locked> rows(Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().findFirst().map(row -> new Locked((UUID) row[0], (String) row[1], (String) row[2]));
    }
}
