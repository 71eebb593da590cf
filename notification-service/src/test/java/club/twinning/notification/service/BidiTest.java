package club.twinning.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Names and users' words put into a sentence are isolated, and what users typed cannot break out. */
@Tag("unit")
class BidiTest {

    @Test
    void aNameIsIsolated() {
        assertThat(Bidi.isolate("السمارة")).isEqualTo("\u2068السمارة\u2069");
        assertThat(Bidi.isolate(null)).isNull();
    }

    @Test
    void directionControlsATypistAddedAreDropped() {
        // An override (RLO) or a stray isolate end (PDI) would reorder or unbalance the sentence around it.
        assertThat(Bidi.clean("abc\u202Edef\u2069ghi\u2066")).isEqualTo("abcdefghi");
        assertThat(Bidi.isolate("x\u2069y")).isEqualTo("\u2068xy\u2069");
    }

    @Test
    void inHtmlIsolatesAreBdiAndEverythingElseIsEscaped() {
        assertThat(Bidi.html("Ville \u2068<b>d'Agadez</b> & \"co\"\u2069\nfin").toString())
                .isEqualTo("Ville <bdi>&lt;b&gt;d&#39;Agadez&lt;/b&gt; &amp; &quot;co&quot;</bdi><br>fin");
        assertThat(Bidi.html(null)).isNull();
    }
}
