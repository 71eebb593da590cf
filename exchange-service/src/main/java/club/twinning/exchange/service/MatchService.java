package club.twinning.exchange.service;

import club.twinning.exchange.domain.Match;
import club.twinning.exchange.replica.KnownAgreement;
import club.twinning.exchange.replica.KnownParty;
import club.twinning.exchange.domain.Visit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Partner suggestions: the cities twinned with mine that offer the expertise, or have shown it in completed visits. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MatchService {

    private final Clock clock;

    MatchService(Clock clock) {
        this.clock = clock;
    }

    public List<Match> matches(String city, String domain) {
        Set<String> twinned = new LinkedHashSet<>();
        KnownAgreement.inForceOf(city).forEach(a -> a.partyCodes.stream().filter(p -> !p.equals(city)).forEach(twinned::add));
        List<Match> matches = new ArrayList<>();
        for (String party : twinned) {
            KnownParty view = KnownParty.findById(party);
            List<String> reasons = new ArrayList<>();
            int score = 0;
            if (view != null && view.expertiseDomains.contains(domain)) {
                reasons.add("offers expertise in " + domain);
                score += 2;
            }
            long completed = Visit.tookPlaceCount(party, domain, LocalDate.now(clock));
            if (completed > 0) {
                reasons.add(completed + " completed visit(s) in " + domain);
                score += (int) Math.min(completed, 5);
            }
            if (score > 0) {
                matches.add(new Match(party, view == null ? party : view.nameFr, score, reasons));
            }
        }
        matches.sort(Comparator.comparingInt(Match::score).reversed().thenComparing(Match::party));
        return matches;
    }
}
