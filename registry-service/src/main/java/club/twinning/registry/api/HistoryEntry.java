package club.twinning.registry.api;

import java.time.Instant;

/** One line of a resource's history: a lifecycle transition or an audited change. */
public record HistoryEntry(Instant at, String actor, String action, String from, String to, String reason, Object detail) {
}
