package club.twinning.platform.security;

import club.twinning.platform.problem.ProblemException;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Arrays;
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
        Object claim = identity.getPrincipal() instanceof JsonWebToken jwt ? customClaim(jwt, CITY_CLAIM)
                : identity.getAttribute(CITY_CLAIM);
        return Optional.ofNullable(claim).map(Object::toString).map(s -> s.replace("\"", "")).filter(s -> !s.isBlank());
    }

    /**
     * A claim the JWT specification does not name, read from the token's claim set: {@link JsonWebToken#getClaim}
     * first looks the name up among the standard claims ({@code Claims.valueOf}), which throws and catches an
     * exception on every call for a custom one (issue 14). Same value: for an unknown name SmallRye reads the claim
     * set too.
     */
    private static Object customClaim(JsonWebToken jwt, String name) {
        return jwt instanceof OidcJwtCallerPrincipal oidc ? oidc.getClaims().getClaimValue(name) : jwt.getClaim(name);
    }

    /**
     * What this caller may see: a partner its own city only, unless it also holds one of {@code widening}, the roles
     * that see every city here. Services differ in which roles widen (the council reviews every city's requests but
     * reads no delivery log), so each names them; with none given, council, secretariat and ops widen.
     */
    public CityScope cityScope(String... widening) {
        String[] roles = widening.length == 0 ? new String[] {Roles.COUNCIL, Roles.SECRETARIAT, Roles.OPS} : widening;
        if (!is(Roles.PARTNER) || Arrays.stream(roles).anyMatch(this::is)) {
            return CityScope.EVERY_CITY;
        }
        return new CityScope(requireCity());
    }

    /** Whether this caller is a partner acting for {@code partyCode}: what only that city itself may do. */
    public boolean actsFor(String partyCode) {
        return is(Roles.PARTNER) && city().map(c -> c.equals(partyCode)).orElse(false);
    }

    /** A partner acts for its own city only; its token must say which. */
    public String requireCity() {
        return city().orElseThrow(() -> new ProblemException(403, "no-city", "No city",
                "your token carries no 'city' claim, so you cannot act for a city"));
    }
}
