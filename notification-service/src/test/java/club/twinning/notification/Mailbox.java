package club.twinning.notification;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/** What reached an address on the real SMTP sink (GreenMail), read back through its REST API and parsed as MIME. */
public final class Mailbox {

    /** The stack's GreenMail; {@code -Dtwinning.mail.api=http://host:port} points the tests at another one. */
    static final String API = System.getProperty("twinning.mail.api", "http://127.0.0.1:8025") + "/api/user/";

    /** {@code deliveries}: the delivery ids the email says it carries (several for a digest). */
    record Received(String subject, String html, String text, List<String> deliveries, String messageId) {

        /** Sent by this test's instance for one of these delivery rows (a running dev stack may send its own copy). */
        boolean carriesAnyOf(java.util.Collection<java.util.UUID> ids) {
            return ids.stream().anyMatch(id -> deliveries.contains(id.toString()));
        }
    }

    private Mailbox() {
    }

    /** The emails to an address that carry one of these deliveries. */
    static List<Received> of(String address, java.util.Collection<java.util.UUID> deliveries) {
        return of(address).stream().filter(m -> m.carriesAnyOf(deliveries)).toList();
    }

    static List<Received> of(String address) {
        var response = given().get(API + address + "/messages/");
        List<Received> received = new ArrayList<>();
        if (response.statusCode() == 400) {
            return received; // GreenMail makes the user on its first mail: none yet
        }
        JsonPath messages = response.then().statusCode(200).extract().jsonPath();
        for (String raw : messages.getList("mimeMessage", String.class)) {
            received.add(parse(raw));
        }
        return received;
    }

    private static Received parse(String raw) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            String[] parts = new String[2];
            collect(message.getContent(), message.getContentType(), parts);
            String header = message.getHeader("X-Twinning-Delivery", ",");
            return new Received(message.getSubject(), parts[0], parts[1], header == null ? List.of() : List.of(header.split(",")),
                    message.getMessageID());
        } catch (Exception e) {
            throw new IllegalStateException("unreadable message", e);
        }
    }

    /** What SevenBitHtml writes for a character past ASCII; Qute's own escapes (&#39;) stay as they are. */
    private static final Pattern REFERENCE = Pattern.compile("&#([0-9]{3,});");

    /** An HTML part as a reader's client shows its text: the part travels as 7bit, non-ASCII as &#NNNN; references. */
    public static String readable(String html) {
        return REFERENCE.matcher(html).replaceAll(m -> {
            int c = Integer.parseInt(m.group(1));
            return c < 128 ? m.group() : Character.toString(c);
        });
    }

    private static void collect(Object content, String type, String[] parts) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), part.getContentType(), parts);
            }
        } else if (type.toLowerCase().startsWith("text/html")) {
            parts[0] = readable(content.toString());
        } else if (type.toLowerCase().startsWith("text/plain")) {
            parts[1] = content.toString();
        }
    }
}
