package club.twinning.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The server-drawn bars: proportional, inside the picture, mirrored in Arabic. */
@Tag("unit")
class BarChartTest {

    private final List<BarChart.Row> rows = List.of(BarChart.Row.of("Agadez – Es-Semara", 10),
            BarChart.Row.of("Banjul – Tanger", 5), BarChart.Row.of("Tombouctou – Vijayawada", 0),
            new BarChart.Row("Soumises", 400, "400+", "/app/requests?status=SUBMITTED"));

    @Test
    void barsAreProportionalAndStayInsideThePicture() {
        BarChart chart = BarChart.of("c", "t", "u", rows, false);
        BarChart.Bar ten = chart.bars().get(0);
        BarChart.Bar five = chart.bars().get(1);
        assertEquals(ten.barWidth() / 40.0, five.barWidth() / 20.0, 1.0, "10 and 5 against a largest of 400");
        assertEquals(0, chart.bars().get(2).barWidth(), "nothing is no bar");
        for (BarChart.Bar bar : chart.bars()) {
            assertTrue(bar.barX() >= 0 && bar.barX() + bar.barWidth() <= chart.width(), bar.toString());
            assertTrue(bar.barY() + 14 <= chart.height(), bar.toString());
            assertTrue(bar.labelX() < bar.valueX() || bar.barWidth() == 0 || bar.labelX() == bar.barX(), "ltr: from the left");
        }
        assertEquals("400+", chart.bars().get(3).shown());
    }

    @Test
    void inArabicTheBarsGrowFromTheRight() {
        BarChart ltr = BarChart.of("c", "t", "u", rows, false);
        BarChart rtl = BarChart.of("c", "t", "u", rows, true);
        for (int i = 0; i < rows.size(); i++) {
            BarChart.Bar left = ltr.bars().get(i);
            BarChart.Bar right = rtl.bars().get(i);
            assertEquals(left.barWidth(), right.barWidth());
            assertEquals(rtl.width(), right.barX() + right.barWidth() + left.barX(), "mirrored");
            assertTrue(right.valueX() <= right.barX(), "the value on the bar's left end");
            assertEquals(rtl.width() - left.labelX(), right.labelX());
        }
    }

    @Test
    void aRelationshipIsThePairWhicheverHosted() {
        assertEquals(CouncilFigures.pair("agadez", "es-semara"), CouncilFigures.pair("es-semara", "agadez"));
    }
}
