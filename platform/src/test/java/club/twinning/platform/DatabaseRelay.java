package club.twinning.platform;

import club.twinning.testing.TcpRelay;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The test application reaches PostgreSQL through a relay that a test switches off and on: an outage of the
 * database without stopping the PostgreSQL that every module's tests share.
 */
public class DatabaseRelay implements QuarkusTestResourceLifecycleManager {

    static TcpRelay postgres;

    @Override
    public Map<String, String> start() {
        postgres = new TcpRelay("postgres", 15432);
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/platform_test");
    }

    @Override
    public void stop() {
        postgres.close();
    }
}
