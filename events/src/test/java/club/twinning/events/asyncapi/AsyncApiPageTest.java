package club.twinning.events.asyncapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.twinning.events.EventType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Renders the document for people as events/target/asyncapi.html, and checks the page tells of every type. */
class AsyncApiPageTest {

    @Test
    void thePageDescribesEveryTypeTopicAndTheSignature() throws Exception {
        Path page = AsyncApiPage.write(AsyncApiDocument.read(), Path.of("target", "asyncapi.html"));
        String html = Files.readString(page);
        for (EventType type : EventType.values()) {
            assertTrue(html.contains(type.type()), type.type());
            assertTrue(html.contains("<code>" + type.topic() + "</code>"), type.topic());
            assertTrue(html.contains("id=\"schema-" + type.payload().getSimpleName() + "\""), type.payload().getSimpleName());
        }
        assertTrue(html.contains("Twinning-Signature: t=1767225600,v1="), "the worked example");
        assertEquals(html.split("<table", -1).length, html.split("</table>", -1).length, "tables are closed");
    }

    @Test
    void markdownBecomesHtmlAndTextIsEscaped() {
        assertEquals("<p>a <code>b</code> <strong>c</strong> &lt;d&gt;</p>\n", AsyncApiPage.markdown("a `b` **c** <d>"));
        assertEquals("<ol>\n<li>one<li>two</ol>\n", AsyncApiPage.markdown("1. one\n2. two"));
    }
}
