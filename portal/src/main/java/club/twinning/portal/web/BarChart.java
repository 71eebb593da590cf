package club.twinning.portal.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart drawn by the server (templates/chart.html, plain SVG: no script, nothing from a CDN).
 * Each row is its label on a line of its own and the bar under it, so long city names fit a phone; in Arabic the
 * bars grow from the right (the SVG inherits the page's direction, so text anchored at "start" mirrors with it).
 * The same rows are the chart's table, for screen readers and for anyone who prefers numbers.
 */
public record BarChart(String id, String title, String unit, List<Bar> bars, int width, int height) {

    static final int WIDTH = 360;
    private static final int PAD = 6;
    private static final int ROW = 40;
    private static final int BAR = 14;
    private static final int VALUE_ROOM = 52;

    /** One row: {@code shown} is the value as read (e.g. "400+" when the count stopped there). */
    public record Bar(String label, long value, String shown, String href, int barX, int barY, int barWidth,
                      int labelX, int labelY, int valueX, int valueY, String valueAnchor) {
    }

    public record Row(String label, long value, String shown, String href) {
        public static Row of(String label, long value) {
            return new Row(label, value, Long.toString(value), null);
        }
    }

    public static BarChart of(String id, String title, String unit, List<Row> rows, boolean rtl) {
        long max = Math.max(1, rows.stream().mapToLong(Row::value).max().orElse(1));
        int room = WIDTH - 2 * PAD - VALUE_ROOM;
        List<Bar> bars = new ArrayList<>();
        int y = PAD;
        for (Row row : rows) {
            int w = row.value() == 0 ? 0 : Math.max(2, (int) Math.round(room * (double) row.value() / max));
            int barY = y + 18;
            int barX = rtl ? WIDTH - PAD - w : PAD;
            int labelX = rtl ? WIDTH - PAD : PAD;
            int valueX = rtl ? barX - 4 : barX + w + 4;
            // A number reads left to right in Arabic too ("400+"): its text is LTR, anchored at its end on the left side.
            bars.add(new Bar(row.label(), row.value(), row.shown(), row.href(), barX, barY, w, labelX, y + 13,
                    valueX, barY + BAR - 2, rtl ? "end" : "start"));
            y += ROW;
        }
        return new BarChart(id, title, unit, bars, WIDTH, Math.max(ROW, y + PAD));
    }

    public boolean empty() {
        return bars.isEmpty() || bars.stream().allMatch(b -> b.value() == 0);
    }
}
