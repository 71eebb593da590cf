package club.twinning.registry.api;

import club.twinning.registry.domain.AgreementTransition;
import club.twinning.registry.domain.AuditEntry;
import java.time.Instant;
import java.util.List;

/** One line of a resource's history: a lifecycle transition or an audited change. */
public record HistoryEntry(Instant at, String actor, String action, String from, String to, String reason, Object detail) {

    static HistoryEntry of(AuditEntry e) {
        return new HistoryEntry(e.at, e.actor, e.action, null, null, null, e.detail);
    }

    static HistoryEntry of(AgreementTransition t) {
        return new HistoryEntry(t.at, t.actor, "transition", t.from.name(), t.to.name(), t.reason, null);
    }

    /** The history of a resource that has no lifecycle: its audited changes, oldest first. */
    static List<HistoryEntry> audited(List<AuditEntry> entries) {
        return entries.stream().map(HistoryEntry::of).toList();
    }
}
