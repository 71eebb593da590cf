package club.twinning.notification;

import club.twinning.testing.TcpRelay;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The service reaches the SMTP sink and Keycloak through relays that tests switch off and on (one application for
 * every outage test: the same resources, no second start).
 */
public class Outages implements QuarkusTestResourceLifecycleManager {

    static TcpRelay smtp;
    static TcpRelay keycloak;

    @Override
    public Map<String, String> start() {
        // the SMTP sink the other tests use (see twinning.mail.smtp-port in application.properties)
        smtp = new TcpRelay("smtp", Integer.getInteger("twinning.mail.smtp-port", 3025));
        keycloak = new TcpRelay("keycloak", 8180);
        String relayed = "http://127.0.0.1:" + keycloak.port();
        return Map.of("quarkus.mailer.port", String.valueOf(smtp.port()),
                "twinning.council.keycloak-url", relayed,
                "quarkus.oidc-client.auth-server-url", relayed + "/realms/twinning");
    }

    @Override
    public void stop() {
        smtp.close();
        keycloak.close();
    }
}
