package club.twinning.registry.service;

import club.twinning.events.CooperationDomain;
import club.twinning.platform.problem.ProblemException;
import club.twinning.registry.domain.Party;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/** Rules on input that Bean Validation cannot say alone: the shared taxonomy, time zones, known parties. */
final class Checks {

    private Checks() {
    }

    static List<String> domains(String field, List<String> codes) {
        if (codes == null) {
            return List.of();
        }
        for (int i = 0; i < codes.size(); i++) {
            if (CooperationDomain.of(codes.get(i)).isEmpty()) {
                throw ProblemException.badField(field + "[" + i + "]", ProblemException.unknownDomain(codes.get(i)));
            }
        }
        return codes.stream().distinct().toList();
    }

    static String timeZone(String zone) {
        if (zone == null) {
            return null;
        }
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw ProblemException.badField("timeZone", "unknown time zone '" + zone + "' (use an IANA name such as Africa/Casablanca)");
        }
    }

    static Party party(String field, String code) {
        Party party = Party.findById(code);
        if (party == null) {
            throw ProblemException.badField(field, "no party with code '" + code + "'");
        }
        return party;
    }
}
