package club.twinning.registry.api;

import club.twinning.registry.domain.Agreement;
import club.twinning.registry.domain.CommitmentEntry;
import club.twinning.registry.domain.Formalities;
import club.twinning.registry.domain.Signatory;
import club.twinning.registry.domain.Witness;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An agreement as the API shows it; {@code title} is the French title, else any. */
public record AgreementView(UUID id, String reference, String type, String status, String title, String titleFr,
                            String titleAr, String titleEn, String summaryFr, String summaryAr, String summaryEn,
                            List<String> parties, List<Signatory> signatories, List<Witness> witnesses, String place,
                            LocalDate signedOn, String occasion, List<String> domains, List<CommitmentView> commitments,
                            LocalDate effectiveFrom, LocalDate expiresOn, boolean tacitRenewal,
                            Integer renewalTermMonths, Integer noticeDays, Formalities formalities,
                            List<String> allowedTransitions, List<DocumentView> documents, long version) {

    public record CommitmentView(UUID id, String text, String owningParty, LocalDate dueDate, String status) {
        static CommitmentView of(CommitmentEntry c) {
            return new CommitmentView(c.id(), c.text(), c.owningParty(), c.dueDate(), c.status());
        }
    }

    public static AgreementView of(Agreement a, List<DocumentView> documents) {
        return new AgreementView(a.id, a.reference, a.type.name(), a.status.name(), a.title("fr"), a.titleFr, a.titleAr,
                a.titleEn, a.summaryFr, a.summaryAr, a.summaryEn, List.copyOf(a.partyCodes), List.copyOf(a.signatories),
                List.copyOf(a.witnesses), a.place, a.signedOn, a.occasion, List.copyOf(a.domains),
                a.commitments.stream().map(CommitmentView::of).toList(), a.effectiveFrom, a.expiresOn, a.tacitRenewal,
                a.renewalTermMonths, a.noticeDays, a.formalities,
                a.status.next().stream().map(Enum::name).sorted().toList(), documents, a.version);
    }
}
