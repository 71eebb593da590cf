package club.twinning.exchange.service;

import club.twinning.events.payload.Commitment;
import club.twinning.exchange.domain.RelationshipHealth;
import club.twinning.exchange.config.ExchangeConfig;
import club.twinning.exchange.replica.KnownAgreement;
import club.twinning.exchange.domain.ExchangeRequest;
import club.twinning.exchange.domain.Visit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Relationship health, per pair of parties with an agreement in force: time since the last completed
 * visit (reported, and over by today), open and overdue commitments, requests in the last year. Grade A lively, B steady, C quiet,
 * D dormant (no completed visit within the threshold and no request in the year, or two overdue commitments).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RelationshipService {

    private final ExchangeConfig config;

    RelationshipService(ExchangeConfig config) {
        this.config = config;
    }

    public List<RelationshipHealth> health(String onlyFor, LocalDate today) {
        List<RelationshipHealth> all = new ArrayList<>();
        List<KnownAgreement> inForce = onlyFor == null ? KnownAgreement.list("status", KnownAgreement.IN_FORCE)
                : KnownAgreement.inForceOf(onlyFor);
        for (KnownAgreement agreement : inForce) {
            List<String> parties = agreement.partyCodes;
            for (int i = 0; i < parties.size(); i++) {
                for (int j = i + 1; j < parties.size(); j++) {
                    all.add(of(agreement, parties.get(i), parties.get(j), today));
                }
            }
        }
        return all;
    }

    RelationshipHealth of(KnownAgreement agreement, String a, String b, LocalDate today) {
        Visit last = Visit.lastTookPlace(a, b, today).orElse(null);
        Long days = last == null ? null : Math.max(0, ChronoUnit.DAYS.between(last.endDate, today));
        int open = 0;
        int overdue = 0;
        for (Commitment c : agreement.commitments) {
            if ("OPEN".equals(c.status())) {
                open++;
                if (c.dueDate() != null && c.dueDate().isBefore(today)) {
                    overdue++;
                }
            }
        }
        long requests = ExchangeRequest.count("((requestingParty = ?1 and partnerParty = ?2) or (requestingParty = ?2 and partnerParty = ?1))"
                + " and submittedAt >= ?3", a, b, today.minusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        long young = agreement.signedOn == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(agreement.signedOn, today);
        List<String> reasons = new ArrayList<>();
        reasons.add(last == null ? "no completed visit yet" : "last completed visit " + days + " days ago");
        reasons.add(requests + " request(s) in the last year");
        if (overdue > 0) {
            reasons.add(overdue + " overdue commitment(s)");
        }
        String grade;
        int dormantAfter = config.dormantAfterDays();
        if (overdue >= 2 || ((days == null || days > dormantAfter) && requests == 0 && young > dormantAfter)) {
            grade = "D";
            reasons.add("dormant: nothing happened for more than " + dormantAfter + " days");
        } else if (days != null && days <= 180 && overdue == 0) {
            grade = "A";
        } else if ((days != null && days <= dormantAfter) || requests > 0) {
            grade = "B";
        } else {
            grade = "C";
            reasons.add("young agreement: no exchange yet");
        }
        return new RelationshipHealth(a, b, agreement.id, agreement.reference, days, open, overdue, requests, grade, reasons);
    }
}
