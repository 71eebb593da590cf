package club.twinning.registry;

import club.twinning.testing.ServiceContractTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RegistryContractTest extends ServiceContractTest {
}
