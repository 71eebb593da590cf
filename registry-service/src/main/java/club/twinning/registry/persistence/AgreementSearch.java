package club.twinning.registry.persistence;

import club.twinning.platform.paging.Cursor;
import club.twinning.platform.paging.Limit;
import club.twinning.platform.paging.Slice;
import club.twinning.platform.problem.ProblemException;
import club.twinning.registry.domain.Agreement;
import club.twinning.registry.domain.AgreementStatus;
import club.twinning.registry.domain.AgreementType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.jpa.HibernateHints;

/**
 * Keyset pagination over agreements: the cursor carries the last row's sort key and id, so a page costs
 * the same however deep it is and rows added meanwhile are neither skipped nor repeated.
 */
@ApplicationScoped
public class AgreementSearch {

    /** A sort order the list offers: reference or signing date, ascending or (with '-') descending. */
    public enum Sort {
        REFERENCE("a.reference", false), REFERENCE_DESC("a.reference", true),
        // Unsigned agreements sort as if signed on :noDate (HQL has no literal for it that Hibernate 6 parses here).
        SIGNED_ON("coalesce(a.signedOn, :noDate)", false),
        SIGNED_ON_DESC("coalesce(a.signedOn, :noDate)", true);

        final String key;
        final boolean descending;

        Sort(String key, boolean descending) {
            this.key = key;
            this.descending = descending;
        }

        public static Sort of(String value) {
            return switch (value == null ? "reference" : value) {
                case "reference" -> REFERENCE;
                case "-reference" -> REFERENCE_DESC;
                case "signedOn" -> SIGNED_ON;
                case "-signedOn" -> SIGNED_ON_DESC;
                default -> throw ProblemException.badField("sort", "one of reference, -reference, signedOn, -signedOn");
            };
        }

        boolean byDate() {
            return this == SIGNED_ON || this == SIGNED_ON_DESC;
        }
    }

    /** Which drafts (agreements never signed) the reader sees: all, or those of its city (null: none). */
    public record Drafts(boolean all, String city) {
        public static final Drafts ALL = new Drafts(true, null);

        public static Drafts of(String city) {
            return new Drafts(false, city);
        }
    }

    private final EntityManager em;

    AgreementSearch(EntityManager em) {
        this.em = em;
    }

    public Slice<Agreement> find(AgreementFilter filter, Sort sort, Cursor cursor, int limit, Drafts drafts) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!drafts.all()) {
            // Signed once (an abandoned negotiation never was), or a party of it.
            where.append(" and ((a.status not in :draftStates and (a.status <> :terminated or exists (select 1 from"
                    + " AgreementTransition t where t.agreementId = a.id and t.to = :signed)))");
            params.put("draftStates", List.of(AgreementStatus.DRAFT, AgreementStatus.NEGOTIATION,
                    AgreementStatus.PENDING_FORMALITIES));
            params.put("terminated", AgreementStatus.TERMINATED);
            params.put("signed", AgreementStatus.SIGNED);
            if (drafts.city() != null) {
                where.append(" or a.id in (select own.agreementId from PartyAgreement own where own.partyCode = :readerCity)");
                params.put("readerCity", drafts.city());
            }
            where.append(")");
        }
        if (filter.party() != null) {
            // From the party's own rows (status included), not a probe of each agreement: with a million agreements
            // the planner would otherwise walk them all in sort order, testing each one for the party.
            where.append(" and a.id in (select p.agreementId from PartyAgreement p where p.partyCode = :party");
            if (filter.status() != null) {
                where.append(" and p.status = :status");
            }
            where.append(")");
            params.put("party", filter.party());
        }
        if (filter.country() != null) {
            where.append(" and exists (select 1 from Party p where p.country = :country and p.code member of a.partyCodes)");
            params.put("country", filter.country().toUpperCase(Locale.ROOT));
        }
        if (filter.type() != null) {
            where.append(" and a.type = :type");
            params.put("type", enumValue(AgreementType.class, "type", filter.type()));
        }
        if (filter.status() != null) {
            where.append(" and a.status = :status");
            params.put("status", enumValue(AgreementStatus.class, "status", filter.status()));
        }
        if (filter.domain() != null) {
            where.append(" and :domain member of a.domains");
            params.put("domain", filter.domain());
        }
        if (filter.signedFrom() != null) {
            where.append(" and a.signedOn >= :signedFrom");
            params.put("signedFrom", filter.signedFrom());
        }
        if (filter.signedTo() != null) {
            where.append(" and a.signedOn <= :signedTo");
            params.put("signedTo", filter.signedTo());
        }
        if (filter.text() != null) {
            where.append(" and a.searchText like :text");
            params.put("text", "%" + filter.text().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (cursor != null) {
            String op = sort.descending ? "<" : ">";
            where.append(" and (").append(sort.key).append(" ").append(op).append(" :after or (")
                    .append(sort.key).append(" = :after and a.id ").append(op).append(" :afterId))");
            params.put("after", sort.byDate() ? cursor.key(LocalDate::parse) : cursor.key());
            params.put("afterId", cursor.id());
        }
        if (sort.byDate()) {
            params.put("noDate", LocalDate.of(1, 1, 1));
        }
        String direction = sort.descending ? " desc" : " asc";
        TypedQuery<Agreement> query = em.createQuery("select a from Agreement a where " + where
                + " order by " + sort.key + direction + ", a.id" + direction, Agreement.class);
        params.forEach(query::setParameter);
        query.setHint(HibernateHints.HINT_READ_ONLY, true); // a page to show: no snapshots to keep and dirty-check
        return Slice.cut(query.setMaxResults(Limit.probe(limit)).getResultList(), limit, last -> Cursor.after(
                sort.byDate() ? (last.signedOn == null ? LocalDate.of(1, 1, 1) : last.signedOn) : last.reference, last.id));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, "unknown value '" + value + "'");
        }
    }
}
