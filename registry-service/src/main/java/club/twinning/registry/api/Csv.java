package club.twinning.registry.api;

/** CSV cells (RFC 4180) that a spreadsheet will not run: a leading = + - @ is defused with a quote. */
public final class Csv {

    private Csv() {
    }

    public static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.matches("(?s).*[\",\r\n].*") || !safe.equals(value) ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
