package club.twinning.registry.persistence;

import club.twinning.platform.paging.Cursor;
import club.twinning.platform.paging.Slice;
import club.twinning.platform.paging.Where;
import club.twinning.platform.problem.ProblemException;
import club.twinning.registry.domain.Agreement;
import club.twinning.registry.domain.AgreementStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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

    /** The key an unsigned agreement sorts by among signing dates. */
    private static final LocalDate NO_DATE = LocalDate.of(1, 1, 1);

    private final EntityManager em;

    AgreementSearch(EntityManager em) {
        this.em = em;
    }

    public Slice<Agreement> find(AgreementFilter filter, Sort sort, Cursor cursor, int limit, Drafts drafts) {
        Where where = new Where();
        if (!drafts.all()) {
            // Signed once (an abandoned negotiation never was), or a party of it.
            where.and("((a.status not in :draftStates and (a.status <> :terminated or exists (select 1 from"
                            + " AgreementTransition t where t.agreementId = a.id and t.to = :signed)))"
                            + (drafts.city() == null ? "" : " or a.id in (select own.agreementId from PartyAgreement own"
                            + " where own.partyCode = :readerCity)") + ")")
                    .bind("draftStates", List.of(AgreementStatus.DRAFT, AgreementStatus.NEGOTIATION,
                            AgreementStatus.PENDING_FORMALITIES))
                    .bind("terminated", AgreementStatus.TERMINATED).bind("signed", AgreementStatus.SIGNED);
            if (drafts.city() != null) {
                where.bind("readerCity", drafts.city());
            }
        }
        // From the party's own rows (status included), not a probe of each agreement: with a million agreements
        // the planner would otherwise walk them all in sort order, testing each one for the party.
        where.and("a.id in (select p.agreementId from PartyAgreement p where p.partyCode = :party"
                        + (filter.status() != null ? " and p.status = :status" : "") + ")", "party", filter.party())
                .and("exists (select 1 from Party p where p.country = :country and p.code member of a.partyCodes)", "country",
                        filter.country() == null ? null : filter.country().toUpperCase(Locale.ROOT))
                .and("a.type = :type", "type", filter.type())
                .and("a.status = :status", "status", filter.status())
                .and(":domain member of a.domains", "domain", filter.domain())
                .and("a.signedOn >= :signedFrom", "signedFrom", filter.signedFrom())
                .and("a.signedOn <= :signedTo", "signedTo", filter.signedTo())
                .and("a.searchText like :text", "text", filter.text() == null ? null
                        : "%" + filter.text().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%")
                .after(cursor, sort.key, "a.id", sort.descending, sort.byDate() ? LocalDate::parse : key -> key);
        if (sort.byDate()) {
            where.bind("noDate", NO_DATE);
        }
        TypedQuery<Agreement> query = where.bind(em.createQuery("select a from Agreement a where " + where
                + Where.orderBy(sort.key, "a.id", sort.descending), Agreement.class));
        query.setHint(HibernateHints.HINT_READ_ONLY, true); // a page to show: no snapshots to keep and dirty-check
        return Slice.read(query, limit, last -> Cursor.after(
                sort.byDate() ? (last.signedOn == null ? NO_DATE : last.signedOn) : last.reference, last.id));
    }
}
