package club.twinning.registry.api;

import club.twinning.registry.domain.Contact;
import java.util.List;
import java.util.UUID;

public record ContactView(UUID id, String partyCode, String name, String title, String email, String phone,
                          String language, List<String> channels, String webhookUrl, boolean councilMember,
                          boolean active, long version) {

    public static ContactView of(Contact c) {
        return new ContactView(c.id, c.partyCode, c.name, c.title, c.email, c.phone, c.language,
                List.copyOf(c.channels), c.webhookUrl, c.councilMember, c.active, c.version);
    }
}
