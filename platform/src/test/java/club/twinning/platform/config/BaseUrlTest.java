package club.twinning.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BaseUrlTest {

    @Test
    void trailingSlashesGoTheRestStays() {
        BaseUrl base = new BaseUrl();
        assertEquals("https://portal.twinning.example", base.convert("https://portal.twinning.example//"));
        assertEquals("https://portal.twinning.example/club", base.convert("https://portal.twinning.example/club/"));
        assertEquals("http://127.0.0.1:8080", base.convert("http://127.0.0.1:8080"));
    }
}
