package club.twinning.events.payload;

import java.util.List;
import java.util.UUID;

/** A partner contact as the register now holds it; {@code active=false} means it must hear nothing more. */
public record ContactChanged(
        UUID contactId,
        String partyCode,
        String name,
        String email,
        String language,
        List<String> channels,
        String webhookUrl,
        boolean councilMember,
        boolean active,
        long version) {
}
