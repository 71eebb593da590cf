package club.twinning.notification.replica;

import club.twinning.platform.replica.PartyCopy;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A party as the registry last announced it (platform's {@link PartyCopy}: a local copy of registry-service's data,
 * updated from its events; the table keeps its first name): its names (emails name it in the reader's language), its
 * language (a contact without one falls back to it) and time zone (for daily digests). Nothing of its own here.
 */
@Entity
@Table(name = "party_view")
public class KnownParty extends PartyCopy {
}
