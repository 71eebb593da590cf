package club.twinning.registry.service;

import club.twinning.events.EventType;
import club.twinning.platform.problem.Problem;
import club.twinning.platform.problem.ProblemException;
import club.twinning.platform.security.Caller;
import club.twinning.registry.api.AgreementInput;
import club.twinning.registry.api.Preconditions;
import club.twinning.registry.domain.Agreement;
import club.twinning.registry.domain.AgreementStatus;
import club.twinning.registry.domain.AgreementTransition;
import club.twinning.registry.domain.AgreementType;
import club.twinning.registry.domain.CommitmentEntry;
import club.twinning.registry.domain.Formalities;
import club.twinning.registry.domain.Signatory;
import club.twinning.registry.domain.Witness;
import club.twinning.registry.messaging.RegistryEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Agreements and their lifecycle: every change audited, every change announced, all or nothing. */
@ApplicationScoped
@Transactional
public class AgreementService {

    private final RegistryEvents events;
    private final AuditTrail audit;
    private final Caller caller;

    AgreementService(RegistryEvents events, AuditTrail audit, Caller caller) {
        this.events = events;
        this.audit = audit;
        this.caller = caller;
    }

    public Agreement create(AgreementInput input) {
        if (Agreement.count("reference", input.reference()) > 0) {
            throw new ProblemException(409, "duplicate", "Reference taken",
                    "an agreement with reference '" + input.reference() + "' exists").with("reference", input.reference());
        }
        Agreement agreement = new Agreement();
        agreement.id = UUID.randomUUID();
        agreement.status = AgreementStatus.DRAFT;
        agreement.createdAt = Instant.now();
        apply(agreement, input);
        agreement.persist();
        agreement.flush();
        events.agreement(EventType.AGREEMENT_CREATED, agreement, caller.name());
        audit.record("agreement", agreement.id.toString(), "created", caller.name(), input);
        return agreement;
    }

    public Agreement update(UUID id, String ifMatch, AgreementInput input) {
        Agreement agreement = get(id);
        Preconditions.requireMatch(ifMatch, agreement.version);
        if (!agreement.reference.equals(input.reference()) && Agreement.count("reference", input.reference()) > 0) {
            throw new ProblemException(409, "duplicate", "Reference taken",
                    "an agreement with reference '" + input.reference() + "' exists");
        }
        apply(agreement, input);
        agreement.flush();
        events.agreement(EventType.AGREEMENT_UPDATED, agreement, caller.name());
        audit.record("agreement", id.toString(), "updated", caller.name(), input);
        return agreement;
    }

    public Agreement transition(UUID id, String ifMatch, String to, String reason) {
        Agreement agreement = get(id);
        Preconditions.requireMatch(ifMatch, agreement.version);
        AgreementStatus target;
        try {
            target = AgreementStatus.valueOf(to);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("to", "unknown status '" + to + "'");
        }
        return move(agreement, target, caller.name(), reason);
    }

    /** Moves an agreement through its lifecycle; also used by the daily job (actor "system"). */
    public Agreement move(Agreement agreement, AgreementStatus target, String actor, String reason) {
        AgreementStatus from = agreement.status;
        if (!from.canMoveTo(target)) {
            List<String> allowed = from.next().stream().map(Enum::name).sorted().toList();
            throw new ProblemException(409, "forbidden-transition", "Transition not allowed",
                    "an agreement " + from + " cannot become " + target
                            + (allowed.isEmpty() ? "; it is final" : "; allowed: " + String.join(", ", allowed)))
                    .with("from", from.name()).with("to", target.name()).with("allowed", allowed);
        }
        Instant at = Instant.now();
        agreement.status = target;
        agreement.flush();
        AgreementTransition step = new AgreementTransition();
        step.id = UUID.randomUUID();
        step.agreementId = agreement.id;
        step.from = from;
        step.to = target;
        step.actor = actor;
        step.reason = reason;
        step.at = at;
        step.persist();
        events.statusChanged(agreement, from, actor, reason, at);
        return agreement;
    }

    public Agreement recordFormalities(UUID id, String ifMatch, Formalities formalities) {
        Agreement agreement = get(id);
        Preconditions.requireMatch(ifMatch, agreement.version);
        if (formalities.approvedByAuthorityOn() != null && formalities.submittedToAuthorityOn() != null
                && formalities.approvedByAuthorityOn().isBefore(formalities.submittedToAuthorityOn())) {
            throw ProblemException.badField("approvedByAuthorityOn", "cannot be before submittedToAuthorityOn");
        }
        agreement.formalities = new Formalities(formalities.councilDeliberationNumber(),
                formalities.councilDeliberationDate(), formalities.submittedToAuthorityOn(),
                formalities.approvedByAuthorityOn(), formalities.evidence() == null ? List.of() : formalities.evidence());
        agreement.flush();
        audit.record("agreement", id.toString(), "formalities", caller.name(), formalities);
        return agreement;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Agreement get(UUID id) {
        Agreement agreement = Agreement.findById(id);
        if (agreement == null) {
            throw ProblemException.notFound("agreement", id);
        }
        return agreement;
    }

    private static void apply(Agreement a, AgreementInput in) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<String> parties = in.parties();
        if (new HashSet<>(parties).size() != parties.size()) {
            errors.add(new Problem.FieldError("parties", "a party appears twice"));
        }
        for (int i = 0; i < parties.size(); i++) {
            if (club.twinning.registry.domain.Party.findById(parties.get(i)) == null) {
                errors.add(new Problem.FieldError("parties[" + i + "]", "no party with code '" + parties.get(i) + "'"));
            }
        }
        if (in.titleFr() == null && in.titleAr() == null && in.titleEn() == null) {
            errors.add(new Problem.FieldError("titleFr", "an agreement needs a title in at least one of fr, ar, en"));
        }
        List<AgreementInput.SignatoryInput> signatories = Objects.requireNonNullElse(in.signatories(), List.of());
        for (int i = 0; i < signatories.size(); i++) {
            if (!parties.contains(signatories.get(i).partyCode())) {
                errors.add(new Problem.FieldError("signatories[" + i + "].partyCode", "not a party of this agreement"));
            }
        }
        List<AgreementInput.CommitmentInput> commitments = Objects.requireNonNullElse(in.commitments(), List.of());
        for (int i = 0; i < commitments.size(); i++) {
            String owner = commitments.get(i).owningParty();
            if (owner != null && !parties.contains(owner)) {
                errors.add(new Problem.FieldError("commitments[" + i + "].owningParty", "not a party of this agreement"));
            }
        }
        if (in.effectiveFrom() != null && in.expiresOn() != null && in.expiresOn().isBefore(in.effectiveFrom())) {
            errors.add(new Problem.FieldError("expiresOn", "cannot be before effectiveFrom"));
        }
        if (Boolean.TRUE.equals(in.tacitRenewal()) && (in.expiresOn() == null || in.renewalTermMonths() == null)) {
            errors.add(new Problem.FieldError("renewalTermMonths", "tacit renewal needs an expiry date and a renewal term"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid-request", "Invalid agreement",
                    errors.size() + " field(s) to correct", errors);
        }
        a.reference = in.reference();
        a.type = AgreementType.valueOf(in.type());
        a.titleFr = in.titleFr();
        a.titleAr = in.titleAr();
        a.titleEn = in.titleEn();
        a.summaryFr = in.summaryFr();
        a.summaryAr = in.summaryAr();
        a.summaryEn = in.summaryEn();
        a.partyCodes = new ArrayList<>(parties);
        a.signatories = new ArrayList<>(signatories.stream().map(s -> new Signatory(s.name(), s.title(), s.partyCode())).toList());
        a.witnesses = new ArrayList<>(Objects.requireNonNullElse(in.witnesses(), List.<AgreementInput.WitnessInput>of())
                .stream().map(w -> new Witness(w.name(), w.title(), w.organisation())).toList());
        a.place = in.place();
        a.signedOn = in.signedOn();
        a.occasion = in.occasion();
        a.domains = new ArrayList<>(Checks.domains("domains", in.domains()));
        // Commitments keep their identity across edits when their text is unchanged.
        Map<String, CommitmentEntry> previous = a.commitments.stream()
                .collect(Collectors.toMap(CommitmentEntry::text, Function.identity(), (x, y) -> x));
        a.commitments = new ArrayList<>(commitments.stream().map(c -> {
            CommitmentEntry before = previous.get(c.text());
            return new CommitmentEntry(before != null ? before.id() : UUID.randomUUID(), c.text(), c.owningParty(),
                    c.dueDate(), c.status() == null ? CommitmentEntry.OPEN : c.status(),
                    before != null && Objects.equals(before.dueDate(), c.dueDate()) ? before.dueAnnouncedOn() : null);
        }).toList());
        a.effectiveFrom = in.effectiveFrom();
        a.expiresOn = in.expiresOn();
        a.tacitRenewal = Boolean.TRUE.equals(in.tacitRenewal());
        a.renewalTermMonths = in.renewalTermMonths();
        a.noticeDays = in.noticeDays();
        a.index();
    }
}
