package club.twinning.events.payload;

import java.util.List;
import java.util.UUID;

/**
 * A partner contact as the register now holds it: what notification-service needs to reach them, never a
 * secret (webhook secrets are notification-service's own). {@code active=false} means: tell them nothing more.
 */
public record ContactChanged(
        UUID contactId,
        String partyCode,
        String name,
        String title,
        String email,
        /** fr, ar or en. */
        String language,
        /** "email", "webhook". */
        List<String> channels,
        String webhookUrl,
        boolean councilMember,
        boolean active,
        long version) {
}
