package club.twinning.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every page reads a posted form one way: trimmed, a blank field sent as null, lists as JSON, the version as If-Match. */
@Tag("unit")
class FormFieldsTest {

    private static FormFields form(String... namesAndValues) {
        MultivaluedHashMap<String, String> fields = new MultivaluedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            fields.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new FormFields(fields);
    }

    @Test
    void textIsTrimmedAndABlankOrMissingFieldIsNull() {
        FormFields form = form("title", "  Eau potable ", "need", "   ");
        assertEquals("Eau potable", form.text("title"));
        assertNull(form.text("need"));
        assertNull(form.text("offer"));
        assertEquals("{\"title\":\"Eau potable\",\"need\":null,\"offer\":null}", form.texts("title", "need", "offer").toString());
        assertEquals("{title=Eau potable, need=null}", form.values("title", "need").toString());
    }

    @Test
    void aRepeatedFieldIsAListAndNoneSentIsTheDefault() {
        FormFields form = form("channels", "email", "channels", "webhook");
        assertEquals("[\"email\",\"webhook\"]", form.list("channels").toString());
        assertEquals("[]", form.list("domains").toString());
        assertEquals("[\"email\"]", form("name", "x").list("channels", "email").toString());
        assertTrue(form.has("channels"));
    }

    @Test
    void theVersionThePageShowedIsSentAsAQuotedETag() {
        assertEquals("\"3\"", form("version", " 3 ").ifMatch());
        assertNull(form("version", "").ifMatch());
        assertNull(form().ifMatch());
        assertEquals(List.of(), List.copyOf(form().fields().keySet()));
    }
}
