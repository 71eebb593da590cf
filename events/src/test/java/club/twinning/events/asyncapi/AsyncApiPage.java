package club.twinning.events.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The document as one static HTML page for people: the description, each channel with its messages, and each
 * schema as a table of fields. Written by the events build ({@code events/target/asyncapi.html}).
 */
final class AsyncApiPage {

    private final AsyncApiDocument doc;
    private final StringBuilder html = new StringBuilder();

    AsyncApiPage(AsyncApiDocument doc) {
        this.doc = doc;
    }

    static Path write(AsyncApiDocument doc, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, new AsyncApiPage(doc).render(), StandardCharsets.UTF_8);
        return file;
    }

    String render() {
        JsonNode info = doc.root.path("info");
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(info.path("title").asText()))
                .append("</title>\n<style>body{font:15px/1.5 system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em;color:#222}"
                        + "table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.3em .5em;"
                        + "text-align:left;vertical-align:top}th{background:#f3f3f3}code,pre{background:#f6f6f6;font-size:90%}"
                        + "pre{padding:.8em;overflow:auto;white-space:pre-wrap;word-break:break-all}h3{margin-top:2em}"
                        + ".tag{font-size:80%;color:#555}</style></head><body>\n");
        html.append("<h1>").append(esc(info.path("title").asText())).append(" <span class=\"tag\">AsyncAPI ")
                .append(esc(doc.root.path("asyncapi").asText())).append(", document version ")
                .append(esc(info.path("version").asText())).append("</span></h1>\n");
        html.append(markdown(info.path("description").asText()));
        channels();
        messages();
        schemas();
        html.append("</body></html>\n");
        return html.toString();
    }

    private void channels() {
        html.append("<h2 id=\"channels\">Channels</h2>\n<table><tr><th>channel</th><th>what travels on it</th><th>messages</th></tr>\n");
        doc.root.path("channels").properties().forEach(c -> {
            JsonNode channel = c.getValue();
            String address = channel.path("address").isTextual() ? channel.path("address").asText() : "(the contact's webhookUrl)";
            html.append("<tr id=\"channel-").append(c.getKey()).append("\"><td><code>").append(esc(address)).append("</code></td><td>")
                    .append(markdown(channel.path("description").asText())).append("</td><td>");
            channel.path("messages").properties().forEach(m -> html.append(link(m.getValue().path("$ref").asText(), m.getKey())).append("<br>"));
            html.append("</td></tr>\n");
        });
        html.append("</table>\n");
    }

    private void messages() {
        html.append("<h2 id=\"messages\">Messages</h2>\n");
        doc.root.path("components").path("messages").properties().forEach(m -> {
            JsonNode message = m.getValue();
            html.append("<h3 id=\"message-").append(m.getKey()).append("\">").append(esc(message.path("title").asText(m.getKey())))
                    .append("</h3>\n<p>").append(esc(message.path("summary").asText())).append("</p>\n<table>");
            row("content type", "<code>" + esc(message.path("contentType").asText("application/json")) + "</code>");
            String headersRef = message.path("headers").path("$ref").asText(null);
            for (JsonNode part : message.path("headers").path("allOf")) {
                if (part.has("$ref")) {
                    headersRef = part.get("$ref").asText();
                }
                part.path("properties").properties().forEach(p -> row("header " + p.getKey(), "<code>" + esc(p.getValue().path("const").asText()) + "</code>"));
            }
            for (JsonNode part : message.path("payload").path("allOf")) {
                part.path("properties").properties().forEach(p -> {
                    if (p.getValue().has("const")) {
                        row("attribute " + p.getKey(), "<code>" + esc(p.getValue().path("const").asText()) + "</code>");
                    }
                });
            }
            if (headersRef != null) {
                row("headers", link(headersRef, null));
            }
            String payload = AsyncApiDocument.payloadSchema(message);
            row("payload", payload == null ? esc(message.path("payload").path("description").asText()) : link("#/components/schemas/" + payload, null)
                    + (message.path("payload").has("allOf") ? " as the <code>data</code> of a " + link("#/components/schemas/StructuredCloudEvent", null) : ""));
            html.append("</table>\n");
            for (JsonNode example : message.path("examples")) {
                html.append("<p>Example: ").append(esc(example.path("summary").asText())).append("</p><pre>");
                example.path("headers").properties().forEach(h -> html.append(esc(h.getKey() + ": " + h.getValue().asText())).append('\n'));
                html.append('\n').append(esc(compact(example.path("payload")))).append("</pre>\n");
            }
        });
    }

    private void schemas() {
        html.append("<h2 id=\"schemas\">Schemas</h2>\n");
        doc.root.path("components").path("schemas").properties().forEach(s -> {
            JsonNode schema = s.getValue();
            html.append("<h3 id=\"schema-").append(s.getKey()).append("\">").append(esc(s.getKey())).append("</h3>\n")
                    .append(markdown(schema.path("description").asText()));
            if (schema.has("enum")) {
                List<String> values = new ArrayList<>();
                schema.get("enum").forEach(v -> values.add("<code>" + esc(v.asText()) + "</code>"));
                html.append("<p>One of: ").append(String.join(", ", values)).append("</p>\n");
            }
            if (!schema.has("properties")) {
                return;
            }
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            html.append("<table><tr><th>field</th><th>type</th><th>always present</th><th>may be null</th><th>description</th></tr>\n");
            schema.path("properties").properties().forEach(p -> html.append("<tr><td><code>").append(esc(p.getKey())).append("</code></td><td>")
                    .append(type(p.getValue())).append("</td><td>").append(required.contains(p.getKey()) ? "yes" : "no").append("</td><td>")
                    .append(nullable(p.getValue()) ? "yes" : "no").append("</td><td>").append(markdown(p.getValue().path("description").asText()))
                    .append("</td></tr>\n"));
            html.append("</table>\n");
        });
    }

    private String type(JsonNode property) {
        if (property.has("$ref")) {
            return link(property.get("$ref").asText(), null);
        }
        if (property.has("oneOf")) {
            List<String> parts = new ArrayList<>();
            property.get("oneOf").forEach(o -> {
                if (!"null".equals(o.path("type").asText())) {
                    parts.add(type(o));
                }
            });
            return String.join(" or ", parts);
        }
        if (property.has("const")) {
            return "<code>" + esc(property.get("const").asText()) + "</code>";
        }
        List<String> types = new ArrayList<>();
        if (property.path("type").isArray()) {
            property.get("type").forEach(t -> {
                if (!"null".equals(t.asText())) {
                    types.add(t.asText());
                }
            });
        } else {
            types.add(property.path("type").asText());
        }
        String text = esc(String.join(" | ", types));
        if (property.has("format")) {
            text += " (" + esc(property.get("format").asText()) + ")";
        }
        if (property.has("items")) {
            text += " of " + type(property.get("items"));
        }
        if (property.has("enum")) {
            List<String> values = new ArrayList<>();
            property.get("enum").forEach(v -> values.add("<code>" + esc(v.asText()) + "</code>"));
            text += ": " + String.join(", ", values);
        }
        return text;
    }

    private static boolean nullable(JsonNode property) {
        for (JsonNode t : property.path("type")) {
            if ("null".equals(t.asText())) {
                return true;
            }
        }
        for (JsonNode o : property.path("oneOf")) {
            if ("null".equals(o.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    private void row(String name, String value) {
        html.append("<tr><th>").append(esc(name)).append("</th><td>").append(value).append("</td></tr>\n");
    }

    /** A link to a message or schema of the document, by its {@code $ref}. */
    private static String link(String ref, String text) {
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        String anchor = ref.contains("/messages/") ? "message-" : "schema-";
        return "<a href=\"#" + anchor + name + "\">" + esc(text == null ? name : text) + "</a>";
    }

    private static String compact(JsonNode node) {
        try {
            return new ObjectMapper().writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");
    private static final Pattern LINK = Pattern.compile("\\[([^]]+)]\\((https?://[^)]+)\\)");

    /** The little Markdown the descriptions use: paragraphs, lists, bold, code and links. */
    static String markdown(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        String list = null;
        for (String block : text.strip().split("\n\\s*\n")) {
            StringBuilder paragraph = new StringBuilder();
            for (String line : block.split("\n")) {
                String trimmed = line.strip();
                String kind = trimmed.startsWith("- ") ? "ul" : trimmed.matches("\\d+\\. .*") ? "ol" : null;
                if (kind != null) {
                    if (paragraph.length() > 0) {
                        out.append("<p>").append(inline(paragraph.toString())).append("</p>\n");
                        paragraph.setLength(0);
                    }
                    if (!kind.equals(list)) {
                        if (list != null) {
                            out.append("</").append(list).append(">\n");
                        }
                        out.append("<").append(kind).append(">\n");
                        list = kind;
                    }
                    out.append("<li>").append(inline(trimmed.substring(trimmed.indexOf(' ') + 1)));
                } else if (list != null && line.startsWith(" ")) {
                    out.append(' ').append(inline(trimmed)); // a list item's continuation
                } else {
                    if (list != null) {
                        out.append("</").append(list).append(">\n");
                        list = null;
                    }
                    paragraph.append(trimmed).append(' ');
                }
            }
            if (list != null) {
                out.append("</").append(list).append(">\n");
                list = null;
            }
            if (paragraph.length() > 0) {
                out.append("<p>").append(inline(paragraph.toString().strip())).append("</p>\n");
            }
        }
        return out.toString();
    }

    private static String inline(String text) {
        String html = esc(text);
        html = replace(CODE, html, m -> "<code>" + m.group(1) + "</code>");
        html = replace(BOLD, html, m -> "<strong>" + m.group(1) + "</strong>");
        return replace(LINK, html, m -> "<a href=\"" + m.group(2) + "\">" + m.group(1) + "</a>");
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(with.apply((Matcher) m)));
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
