package club.twinning.platform.security;

import club.twinning.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the user name, roles and {@code city} claim of the bearer token. */
@RequestScoped
public class Caller {

    public static final String CITY_CLAIM = "city";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("preferred_username") != null) {
            return jwt.getClaim("preferred_username");
        }
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** The party code this caller belongs to, when the token carries one. */
    public Optional<String> city() {
        Object claim = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(CITY_CLAIM)
                : identity.getAttribute(CITY_CLAIM);
        return Optional.ofNullable(claim).map(Object::toString).map(s -> s.replace("\"", "")).filter(s -> !s.isBlank());
    }

    /** A partner acts for its own city only; its token must say which. */
    public String requireCity() {
        return city().orElseThrow(() -> new ProblemException(403, "no-city", "No city",
                "your token carries no 'city' claim, so you cannot act for a city"));
    }
}
