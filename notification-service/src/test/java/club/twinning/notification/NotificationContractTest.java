package club.twinning.notification;

import club.twinning.testing.ServiceContractTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class NotificationContractTest extends ServiceContractTest {
}
