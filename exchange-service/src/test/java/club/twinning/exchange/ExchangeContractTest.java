package club.twinning.exchange;

import club.twinning.testing.ServiceContractTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ExchangeContractTest extends ServiceContractTest {
}
