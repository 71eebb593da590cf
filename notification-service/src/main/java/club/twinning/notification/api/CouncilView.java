package club.twinning.notification.api;

import club.twinning.notification.domain.CouncilMember;
import java.time.Instant;
import java.util.List;

/**
 * The council as this service knows it: when Keycloak last told it, and (after a refresh that failed) why the list is
 * the last good one. A member without an email is listed: nothing can reach them until Keycloak has one.
 */
public record CouncilView(Instant refreshedAt, String refreshError, List<Member> members) {

    public record Member(String username, String name, String email, String language) {
    }

    public static CouncilView of(List<CouncilMember> members, String error) {
        Instant at = members.stream().map(m -> m.refreshedAt).max(Instant::compareTo).orElse(null);
        return new CouncilView(at, error, members.stream().map(m -> new Member(m.username, m.name, m.email, m.language)).toList());
    }
}
