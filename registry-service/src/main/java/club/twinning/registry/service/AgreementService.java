package club.twinning.registry.service;

import club.twinning.platform.problem.ExpectedVersion;
import club.twinning.events.EventType;
import club.twinning.platform.problem.FieldErrors;
import club.twinning.platform.problem.Problem;
import club.twinning.platform.problem.ProblemException;
import club.twinning.platform.security.Caller;
import club.twinning.platform.security.CityScope;
import club.twinning.platform.security.Roles;
import club.twinning.platform.state.Step;
import club.twinning.platform.state.StateMachine;
import club.twinning.registry.domain.Agreement;
import club.twinning.registry.domain.AgreementRevision;
import club.twinning.registry.domain.AgreementStatus;
import club.twinning.registry.domain.AgreementTransition;
import club.twinning.registry.domain.AgreementType;
import club.twinning.registry.domain.CommitmentEntry;
import club.twinning.registry.domain.Formalities;
import club.twinning.registry.domain.Party;
import club.twinning.registry.domain.Signatory;
import club.twinning.registry.domain.Witness;
import club.twinning.registry.messaging.RegistryEvents;
import club.twinning.registry.persistence.AgreementSearch;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Agreements and their lifecycle: every change audited, every change announced, all or nothing. */
@ApplicationScoped
@Transactional
public class AgreementService {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    /** Who reads every city's drafts; ops does not (it runs the platform, it reviews no negotiation). */
    private static final String[] DRAFT_READERS = {Roles.SECRETARIAT, Roles.COUNCIL};

    private final RegistryEvents events;
    private final AuditTrail audit;
    private final Caller caller;
    private final ObjectMapper json;
    private final Clock clock;
    private final StateMachine<AgreementStatus> lifecycle;

    AgreementService(RegistryEvents events, AuditTrail audit, Caller caller, ObjectMapper json, Clock clock) {
        this.events = events;
        this.audit = audit;
        this.caller = caller;
        this.json = json;
        this.clock = clock;
        this.lifecycle = new StateMachine<>("an agreement", "forbidden-transition", clock);
    }

    public Agreement create(AgreementInput input) {
        if (Agreement.count("reference", input.reference()) > 0) {
            throw new ProblemException(409, "duplicate", "Reference taken",
                    "an agreement with reference '" + input.reference() + "' exists").with("reference", input.reference());
        }
        Agreement agreement = new Agreement();
        agreement.id = UUID.randomUUID();
        agreement.status = AgreementStatus.DRAFT;
        agreement.createdAt = clock.instant();
        apply(agreement, input);
        agreement.persist();
        agreement.flush();
        events.agreement(EventType.AGREEMENT_CREATED, agreement, caller.name());
        audit.record("agreement", agreement.id.toString(), "created", caller.name(), input);
        return agreement;
    }

    public Agreement update(UUID id, ExpectedVersion expected, AgreementInput input) {
        Agreement agreement = get(id);
        expected.require(agreement.version);
        if (!agreement.reference.equals(input.reference()) && Agreement.count("reference", input.reference()) > 0) {
            throw new ProblemException(409, "duplicate", "Reference taken",
                    "an agreement with reference '" + input.reference() + "' exists");
        }
        boolean signed = signedOnce(agreement);
        AgreementInput before = signed ? text(agreement) : null;
        apply(agreement, input);
        if (signed) {
            keepRevision(agreement, before, input.reason());
        }
        agreement.flush();
        events.agreement(EventType.AGREEMENT_UPDATED, agreement, caller.name());
        audit.record("agreement", id.toString(), "updated", caller.name(), input);
        return agreement;
    }

    /**
     * A signed agreement's text changes only with a reason, and the text it had is kept; the edit may not take away the
     * evidence of its signing or, in force, its date of effect.
     */
    private void keepRevision(Agreement agreement, AgreementInput before, String reason) {
        List<Problem.FieldError> errors = new ArrayList<>(agreement.status == AgreementStatus.IN_FORCE
                || agreement.status == AgreementStatus.SUSPENDED ? SigningEvidence.ofEffect(agreement)
                : SigningEvidence.ofSigning(agreement));
        boolean changed = !before.equals(text(agreement));
        if (changed && (reason == null || reason.isBlank())) {
            errors.add(0, new Problem.FieldError("reason", "an agreement " + agreement.status
                    + " keeps its previous text: say why it changes"));
        }
        if (!errors.isEmpty()) {
            throw unprocessable("Edit refused", "this edit of a signed agreement lacks what it must keep or say", errors);
        }
        if (changed) {
            AgreementRevision revision = new AgreementRevision();
            revision.id = UUID.randomUUID();
            revision.agreementId = agreement.id;
            revision.number = (int) AgreementRevision.count("agreementId", agreement.id) + 1;
            revision.status = agreement.status;
            revision.previous = json.convertValue(before, MAP);
            revision.reason = reason.trim();
            revision.actor = caller.name();
            revision.at = clock.instant();
            revision.persist();
        }
    }

    public Agreement transition(UUID id, ExpectedVersion expected, TransitionInput input) {
        Agreement agreement = get(id);
        expected.require(agreement.version);
        AgreementStatus target;
        try {
            target = AgreementStatus.valueOf(input.to());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("to", "unknown status '" + input.to() + "'");
        }
        lifecycle.check(agreement.status, target);
        recordEvidence(agreement, target, input);
        if (target == AgreementStatus.SIGNED) {
            requireEvidence(SigningEvidence.ofSigning(agreement), target);
        } else if (target == AgreementStatus.IN_FORCE) {
            List<Problem.FieldError> missing = new ArrayList<>(SigningEvidence.ofEffect(agreement));
            List<Formalities.Gap> gaps = uncovered(agreement);
            String waiver = input.formalitiesWaiver() == null || input.formalitiesWaiver().isBlank() ? null
                    : input.formalitiesWaiver().trim();
            if (!gaps.isEmpty() && waiver == null) {
                gaps.forEach(g -> missing.add(new Problem.FieldError(g.field(), g.message()
                        + " (or the secretariat waives it: formalitiesWaiver with the reason)")));
            }
            requireEvidence(missing, target);
            if (!gaps.isEmpty()) {
                List<String> waived = gaps.stream().map(Formalities.Gap::field).toList();
                agreement.formalities = agreement.formalities.withWaiver(
                        new Formalities.Waiver(waived, waiver, caller.name(), clock.instant()));
                audit.record("agreement", id.toString(), "formalities-waived", caller.name(),
                        Map.of("waived", waived, "reason", waiver));
            }
        }
        return move(agreement, target, caller.name(), input.reason());
    }

    /** The formalities of the checklist the agreement lacks and no waiver of the secretariat covers. */
    private static List<Formalities.Gap> uncovered(Agreement agreement) {
        List<Party> parties = agreement.partyCodes.stream().map(code -> Party.<Party>findById(code)).filter(Objects::nonNull).toList();
        Formalities.Waiver waiver = agreement.formalities.waiver();
        return agreement.formalities.missingFor(parties).stream()
                .filter(g -> waiver == null || !waiver.waived().contains(g.field())).toList();
    }

    /** Evidence given with a move is recorded on the agreement, audited; it belongs with the move that needs it. */
    private void recordEvidence(Agreement agreement, AgreementStatus target, TransitionInput input) {
        FieldErrors misplaced = new FieldErrors();
        Map<String, Object> given = new java.util.LinkedHashMap<>();
        boolean signing = target == AgreementStatus.SIGNED;
        boolean effect = target == AgreementStatus.IN_FORCE;
        if (input.signedOn() != null) {
            given.put("signedOn", input.signedOn());
            if (signing) {
                agreement.signedOn = input.signedOn();
            } else {
                misplaced.add("signedOn", "recorded with a move to SIGNED only");
            }
        }
        if (input.place() != null && !input.place().isBlank()) {
            given.put("place", input.place());
            if (signing) {
                agreement.place = input.place().trim();
            } else {
                misplaced.add("place", "recorded with a move to SIGNED only");
            }
        }
        if (input.signatories() != null && !input.signatories().isEmpty()) {
            given.put("signatories", input.signatories());
            if (!signing) {
                misplaced.add("signatories", "recorded with a move to SIGNED only");
            }
            for (int i = 0; i < input.signatories().size(); i++) {
                if (!agreement.partyCodes.contains(input.signatories().get(i).partyCode())) {
                    misplaced.add("signatories[" + i + "].partyCode", "not a party of this agreement");
                }
            }
            agreement.signatories = new ArrayList<>(input.signatories().stream()
                    .map(s -> new Signatory(s.name(), s.title(), s.partyCode())).toList());
        }
        if (input.effectiveFrom() != null) {
            given.put("effectiveFrom", input.effectiveFrom());
            if (!effect) {
                misplaced.add("effectiveFrom", "recorded with a move to IN_FORCE only");
            } else if (agreement.expiresOn != null && agreement.expiresOn.isBefore(input.effectiveFrom())) {
                misplaced.add("effectiveFrom", "after the end date " + agreement.expiresOn);
            }
            agreement.effectiveFrom = input.effectiveFrom();
        }
        if (input.formalities() != null) {
            given.put("formalities", input.formalities());
            if (!effect) {
                misplaced.add("formalities", "recorded with a move to IN_FORCE only");
            }
            agreement.formalities = merge(agreement.formalities, input.formalities());
        }
        if (input.formalitiesWaiver() != null && !input.formalitiesWaiver().isBlank() && !effect) {
            misplaced.add("formalitiesWaiver", "a waiver is given with a move to IN_FORCE only");
        }
        misplaced.throwIfAny("invalid-request", "Invalid transition");
        if (!given.isEmpty()) {
            agreement.index();
            audit.record("agreement", agreement.id.toString(), "evidence", caller.name(), given);
        }
    }

    private static void requireEvidence(List<Problem.FieldError> missing, AgreementStatus target) {
        if (!missing.isEmpty()) {
            throw unprocessable("Evidence missing", "an agreement becomes " + target + " only with its evidence: "
                    + missing.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", ")), missing);
        }
    }

    private static ProblemException unprocessable(String title, String detail, List<Problem.FieldError> errors) {
        return new ProblemException(422, "missing-evidence", title, detail, errors)
                .with("missing", errors.stream().map(Problem.FieldError::field).distinct().toList());
    }

    /** Moves an agreement through its lifecycle; also used by the daily job (actor "system"). */
    public Agreement move(Agreement agreement, AgreementStatus target, String actor, String reason) {
        Step<AgreementStatus> step = lifecycle.move(agreement.status, target, actor, reason);
        agreement.status = target;
        agreement.flush();
        AgreementTransition.of(agreement.id, step).persist();
        events.statusChanged(agreement, step.from(), actor, reason, step.at());
        return agreement;
    }

    public Agreement recordFormalities(UUID id, ExpectedVersion expected, FormalitiesInput input) {
        Agreement agreement = get(id);
        expected.require(agreement.version);
        if (input.approvedByAuthorityOn() != null && input.submittedToAuthorityOn() != null
                && input.approvedByAuthorityOn().isBefore(input.submittedToAuthorityOn())) {
            throw ProblemException.badField("approvedByAuthorityOn", "cannot be before submittedToAuthorityOn");
        }
        // A waiver already given stays: it was the secretariat's decision at the move into force, audited then.
        agreement.formalities = new Formalities(input.councilDeliberationNumber(), input.councilDeliberationDate(),
                input.submittedToAuthorityOn(), input.approvedByAuthorityOn(), input.authorityApprovalReference(),
                evidence(input), agreement.formalities.waiver());
        agreement.flush();
        audit.record("agreement", id.toString(), "formalities", caller.name(), input);
        return agreement;
    }

    private static Formalities merge(Formalities recorded, FormalitiesInput given) {
        return new Formalities(
                given.councilDeliberationNumber() != null ? given.councilDeliberationNumber() : recorded.councilDeliberationNumber(),
                given.councilDeliberationDate() != null ? given.councilDeliberationDate() : recorded.councilDeliberationDate(),
                given.submittedToAuthorityOn() != null ? given.submittedToAuthorityOn() : recorded.submittedToAuthorityOn(),
                given.approvedByAuthorityOn() != null ? given.approvedByAuthorityOn() : recorded.approvedByAuthorityOn(),
                given.authorityApprovalReference() != null ? given.authorityApprovalReference() : recorded.authorityApprovalReference(),
                given.evidence() != null ? evidence(given) : recorded.evidence(), recorded.waiver());
    }

    private static List<Formalities.Evidence> evidence(FormalitiesInput input) {
        return input.evidence() == null ? List.of() : input.evidence().stream()
                .map(e -> new Formalities.Evidence(e.step(), e.description(), e.documentId())).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Agreement get(UUID id) {
        Agreement agreement = Agreement.findById(id);
        if (agreement == null) {
            throw ProblemException.notFound("agreement", id);
        }
        return agreement;
    }

    /** The agreement if the caller may read it; a draft of others is answered as if it did not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Agreement readable(UUID id) {
        Agreement agreement = get(id);
        if (!mayRead(agreement)) {
            throw ProblemException.notFound("agreement", id);
        }
        return agreement;
    }

    /** Signed agreements are for every member; drafts for the secretariat, the council and the agreement's parties. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mayRead(Agreement agreement) {
        return signedOnce(agreement) || draftScope().map(scope -> scope.coversAny(agreement.partyCodes)).orElse(false);
    }

    /** The drafts the caller's searches may list, by the same rule as {@link #mayRead}. */
    public AgreementSearch.Drafts draftsForCaller() {
        return draftScope().map(scope -> scope.everyCity() ? AgreementSearch.Drafts.ALL : AgreementSearch.Drafts.of(scope.city()))
                .orElse(AgreementSearch.Drafts.of(null));
    }

    /**
     * Whose drafts the caller sees: every city's for the secretariat and the council, its own city's for a partner,
     * none for anyone else (ops, or a partner whose token names no city: it still reads every signed agreement).
     */
    private Optional<CityScope> draftScope() {
        boolean everyCity = Arrays.stream(DRAFT_READERS).anyMatch(caller::is);
        if (everyCity || caller.is(Roles.PARTNER) && caller.city().isPresent()) {
            return Optional.of(caller.cityScope(DRAFT_READERS));
        }
        return Optional.empty();
    }

    /** Whether the agreement was ever signed: abandoned negotiations stay drafts. */
    static boolean signedOnce(Agreement agreement) {
        if (agreement.status.isDraft()) {
            return false;
        }
        return agreement.status != AgreementStatus.TERMINATED
                || AgreementTransition.count("agreementId = ?1 and to = ?2", agreement.id, AgreementStatus.SIGNED) > 0;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AgreementRevision> revisions(UUID id) {
        readable(id);
        return AgreementRevision.of(id);
    }

    /** The agreement's text as the secretariat records it, to compare and to keep. */
    private static AgreementInput text(Agreement a) {
        return new AgreementInput(a.reference, a.type.name(), a.titleFr, a.titleAr, a.titleEn, a.summaryFr, a.summaryAr,
                a.summaryEn, List.copyOf(a.partyCodes),
                a.signatories.stream().map(s -> new AgreementInput.SignatoryInput(s.name(), s.title(), s.partyCode())).toList(),
                a.witnesses.stream().map(w -> new AgreementInput.WitnessInput(w.name(), w.title(), w.organisation())).toList(),
                a.place, a.signedOn, a.occasion, List.copyOf(a.domains),
                a.commitments.stream().map(c -> new AgreementInput.CommitmentInput(c.text(), c.owningParty(), c.dueDate(), c.status())).toList(),
                a.effectiveFrom, a.expiresOn, a.tacitRenewal, a.renewalTermMonths, a.noticeDays, null);
    }

    private static void apply(Agreement a, AgreementInput in) {
        FieldErrors errors = new FieldErrors();
        List<String> parties = in.parties();
        if (new HashSet<>(parties).size() != parties.size()) {
            errors.add("parties", "a party appears twice");
        }
        for (int i = 0; i < parties.size(); i++) {
            if (club.twinning.registry.domain.Party.findById(parties.get(i)) == null) {
                errors.add("parties[" + i + "]", "no party with code '" + parties.get(i) + "'");
            }
        }
        if (in.titleFr() == null && in.titleAr() == null && in.titleEn() == null) {
            errors.add("titleFr", "an agreement needs a title in at least one of fr, ar, en");
        }
        List<AgreementInput.SignatoryInput> signatories = Objects.requireNonNullElse(in.signatories(), List.of());
        for (int i = 0; i < signatories.size(); i++) {
            if (!parties.contains(signatories.get(i).partyCode())) {
                errors.add("signatories[" + i + "].partyCode", "not a party of this agreement");
            }
        }
        List<AgreementInput.CommitmentInput> commitments = Objects.requireNonNullElse(in.commitments(), List.of());
        for (int i = 0; i < commitments.size(); i++) {
            String owner = commitments.get(i).owningParty();
            if (owner != null && !parties.contains(owner)) {
                errors.add("commitments[" + i + "].owningParty", "not a party of this agreement");
            }
        }
        if (in.effectiveFrom() != null && in.expiresOn() != null && in.expiresOn().isBefore(in.effectiveFrom())) {
            errors.add("expiresOn", "cannot be before effectiveFrom");
        }
        if (Boolean.TRUE.equals(in.tacitRenewal()) && (in.expiresOn() == null || in.renewalTermMonths() == null)) {
            errors.add("renewalTermMonths", "tacit renewal needs an expiry date and a renewal term");
        }
        errors.throwIfAny("invalid-request", "Invalid agreement");
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
