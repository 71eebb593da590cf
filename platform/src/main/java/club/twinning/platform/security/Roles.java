package club.twinning.platform.security;

/** Realm roles of the {@code twinning} Keycloak realm. */
public final class Roles {
    public static final String PARTNER = "partner";
    public static final String COUNCIL = "council";
    public static final String SECRETARIAT = "secretariat";
    public static final String OPS = "ops";

    private Roles() {
    }
}
