package club.twinning.notification.service;

import club.twinning.notification.config.NotificationConfig;
import club.twinning.notification.domain.ContactView;
import club.twinning.notification.domain.Delivery;
import club.twinning.notification.domain.WebhookSecret;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/** Sends one delivery on its channel: an email through SMTP, or the signed CloudEvent to a webhook. Throws when it fails. */
@ApplicationScoped
public class Channels {

    public static final String DELIVERY_HEADER = "X-Twinning-Delivery";

    private final ReactiveMailer mailer;
    private final MailComposer composer;
    private final ObjectMapper json;
    private final NotificationConfig config;
    private final Clock clock;
    private final HttpClient http;

    Channels(ReactiveMailer mailer, MailComposer composer, ObjectMapper json, NotificationConfig config, Clock clock) {
        this.mailer = mailer;
        this.composer = composer;
        this.json = json;
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.webhookTimeout()).build();
    }

    public void send(Delivery d) throws IOException, InterruptedException {
        if (Delivery.WEBHOOK.equals(d.channel)) {
            webhook(d);
        } else {
            MailComposer.Mail mail = composer.compose(d.eventType, d.purpose, d.eventData, d.language, name(d));
            mail(d.recipient, mail, d.id.toString());
        }
    }

    /** The name the email greets: the row's, else (rows written before it had one) the contact's. */
    public static String name(Delivery d) {
        if (d.recipientName != null) {
            return d.recipientName;
        }
        ContactView contact = d.contactId == null ? null : ContactView.findById(d.contactId);
        return contact == null ? null : contact.name;
    }

    /** {@code deliveries}: the delivery ids the email carries, in a header, so that any email can be traced to its rows. */
    public void mail(String to, MailComposer.Mail mail, String deliveries) {
        Mail message = Mail.withHtml(to, mail.subject(), mail.html()).setText(mail.text()).addHeader(DELIVERY_HEADER, deliveries)
                .addHeader("Message-ID", messageId(deliveries));
        // Bounded: an SMTP conversation that stalls fails this attempt (retried later) instead of holding the sender.
        mailer.send(message).await().atMost(config.mailTimeout());
    }

    /**
     * The same Message-ID every time the same deliveries are sent: if the service dies between the SMTP server's
     * acceptance and the row's update, the copy sent on restart is the same message, which mail clients show once.
     */
    public static String messageId(String deliveries) {
        return "<" + UUID.nameUUIDFromBytes(deliveries.getBytes(StandardCharsets.UTF_8)) + "@notification.twinning.club>";
    }

    private void webhook(Delivery d) throws IOException, InterruptedException {
        WebhookSecret secret = WebhookSecret.findById(d.contactId);
        if (secret == null) {
            throw new IOException("no webhook secret for contact " + d.contactId);
        }
        ObjectNode event = json.createObjectNode().put("specversion", "1.0").put("id", d.eventId).put("type", d.eventType)
                .put("source", d.eventSource).put("subject", d.eventSubject).put("time", d.eventTime.toString())
                .put("datacontenttype", "application/json");
        event.set("data", json.readTree(d.eventData));
        String body = json.writeValueAsString(event);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(d.recipient)).timeout(config.webhookTimeout())
                .header("Content-Type", "application/cloudevents+json")
                .header("Idempotency-Key", d.eventId)
                .header(WebhookSignature.HEADER, WebhookSignature.of(secret.secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("webhook answered " + response.statusCode());
        }
    }
}
