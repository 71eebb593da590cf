package club.twinning.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import club.twinning.notification.Mailbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SevenBitHtmlTest {

    @Test
    void everyEmailOfTheGoldensGoesAsSevenBitAndReadsTheSame() throws IOException {
        List<Path> goldens;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/golden"))) {
            goldens = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(goldens).hasSizeGreaterThan(50);
        for (Path golden : goldens) {
            String html = Files.readString(golden);
            String sent = SevenBitHtml.of(html);
            assertThat(sent.chars()).as(golden + ": US-ASCII only").allMatch(c -> c < 128);
            assertThat(sent.lines()).as(golden + ": no line past 998").allMatch(l -> l.length() <= 998);
            // Only whitespace kinds change (a space between attributes became a line break): the same document.
            assertThat(Mailbox.readable(sent).replace('\n', ' ')).as(golden.toString()).isEqualTo(html.replace('\n', ' '));
        }
    }

    @Test
    void charactersPastTheBasicPlaneAreOneReference() {
        assertThat(SevenBitHtml.of("<p>Es-Semara 🌴 السمارة</p>")).isEqualTo(
                "<p>Es-Semara &#127796; &#1575;&#1604;&#1587;&#1605;&#1575;&#1585;&#1577;</p>");
    }

    @Test
    void aLineThatCannotBeBrokenOrACarriageReturnKeepsQuotedPrintable() {
        String longText = "<p>" + "م".repeat(200) + "</p>"; // 1,400 characters as references, no tag to break in
        assertThat(SevenBitHtml.of(longText)).isSameAs(longText);
        String carriageReturn = "<p>é\r\n</p>";
        assertThat(SevenBitHtml.of(carriageReturn)).isSameAs(carriageReturn);
    }

    @Test
    void aLongLineIsBrokenBetweenAttributesNeverInsideAValue() {
        String html = "<p>" + "é".repeat(100) + "<a href=\"https://x.example/a b\" style=\"color: red; font-weight: bold\" title=\"t\">"
                + "é".repeat(40) + "</a></p>";
        String sent = SevenBitHtml.of(html);
        assertThat(sent).contains("<a\nhref=\"https://x.example/a b\" style=\"color: red; font-weight: bold\"");
        assertThat(Mailbox.readable(sent).replace('\n', ' ')).isEqualTo(html);
    }
}
