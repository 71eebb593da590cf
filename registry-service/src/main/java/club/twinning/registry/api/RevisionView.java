package club.twinning.registry.api;

import club.twinning.registry.domain.AgreementRevision;
import java.time.Instant;
import java.util.Map;

/** One edit of a signed agreement: the text it replaced, who changed it, when, in which status and why. */
public record RevisionView(int number, Instant at, String actor, String status, String reason, Map<String, Object> previous) {

    static RevisionView of(AgreementRevision r) {
        return new RevisionView(r.number, r.at, r.actor, r.status.name(), r.reason, r.previous);
    }
}
