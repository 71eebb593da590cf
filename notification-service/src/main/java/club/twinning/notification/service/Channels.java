package club.twinning.notification.service;

import club.twinning.notification.config.NotificationConfig;
import club.twinning.notification.replica.KnownContact;
import club.twinning.notification.domain.Delivery;
import club.twinning.notification.persistence.DeliveryQueue.Claimed;
import club.twinning.platform.inbox.ProcessedEvents;
import club.twinning.platform.trace.Traces;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Sends one delivery on its channel, asynchronously (no thread, transaction or connection of ours held while the other
 * side thinks): an email through SMTP, or the signed CloudEvent to a webhook. A webhook exchange has one deadline for
 * all of it (name resolution, connect, TLS, request, headers, body), connects only to an address {@link EgressPolicy}
 * accepted, follows no redirect, and reads at most a few KiB of the answer, which it drops: the status alone decides.
 * Failures complete the stage with a {@link DeliveryFailure}.
 */
@ApplicationScoped
public class Channels {

    public static final String DELIVERY_HEADER = "X-Twinning-Delivery";

    /** A webhook ready to go: body and signature made (CPU only), the URL not yet resolved; its event's trace, if any. */
    public record Webhook(String url, String body, String signature, String idempotencyKey, String traceparent) {
    }

    private final ReactiveMailer mailer;
    private final MailComposer composer;
    private final ObjectMapper json;
    private final NotificationConfig config;
    private final Clock clock;
    private final EgressPolicy policy;
    private final WebhookSecrets secrets;
    private final Vertx vertx;
    private final HttpClient http;
    private final Traces traces;
    private final ProcessedEvents processed;
    /** The event's trace of each composed email until it is sent (looked up where a transaction may run). */
    private final Map<String, String> mailTraces = new ConcurrentHashMap<>();
    /** Name resolution blocks: a few threads of its own, never the event loop. */
    private final ExecutorService resolver = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "webhook-resolver");
        t.setDaemon(true);
        return t;
    });

    Channels(ReactiveMailer mailer, MailComposer composer, ObjectMapper json, NotificationConfig config, Clock clock,
             EgressPolicy policy, WebhookSecrets secrets, Vertx vertx, Traces traces, ProcessedEvents processed) {
        this.traces = traces;
        this.processed = processed;
        this.mailer = mailer;
        this.composer = composer;
        this.json = json;
        this.config = config;
        this.clock = clock;
        this.policy = policy;
        this.secrets = secrets;
        this.vertx = vertx;
        this.http = vertx.createHttpClient(new HttpClientOptions().setName("webhooks")
                .setConnectTimeout((int) config.webhookTimeout().toMillis())
                .setMaxPoolSize(config.webhook().perEndpoint()).setKeepAlive(true).setKeepAliveTimeout(30)
                .setVerifyHost(true).setTryUseCompression(false));
    }

    @PreDestroy
    void close() {
        resolver.shutdownNow();
        http.close();
    }

    /** The name the email greets: the row's, else (rows written before it had one) the contact's. */
    public static String name(Delivery d) {
        if (d.recipientName != null) {
            return d.recipientName;
        }
        KnownContact contact = d.contactId == null ? null : KnownContact.findById(d.contactId);
        return contact == null ? null : contact.name;
    }

    /**
     * The emails of one round's claimed deliveries (reads the read model for names: call it, and what it returns, in one
     * transaction): an event's words and its trace are looked up once for all its readers.
     */
    public Function<Claimed, MailComposer.Mail> composing() {
        MailComposer.Batch batch = composer.batch();
        Map<String, Optional<String>> eventTraces = new HashMap<>();
        return d -> compose(d, batch, eventTraces.computeIfAbsent(d.eventId(), id -> Optional.ofNullable(traceOf(id))).orElse(null));
    }

    private MailComposer.Mail compose(Claimed d, MailComposer.Batch batch, String trace) {
        if (trace != null) {
            if (mailTraces.size() > 10_000) {
                mailTraces.clear(); // emails released unsent leave entries: a bound, not a leak
            }
            mailTraces.put(d.id().toString(), trace);
        }
        // The reader (contact, party, name) gives the mail its preferences link, unsubscribe header and "your turn";
        // the row's party spares a read of the contact per email.
        return batch.compose(d.eventId(), d.eventType(), d.purpose(), d.eventData(), d.language(),
                new MailComposer.Reader(d.contactId(), d.contactId() == null ? null : d.partyCode(), d.name(), true));
    }

    /** {@code deliveries}: the delivery ids the email carries, in a header, so that any email can be traced to its rows. */
    public void mail(String to, MailComposer.Mail mail, String deliveries) {
        // Bounded: an SMTP conversation that stalls fails this attempt (retried later) instead of holding the sender.
        String first = deliveries.split(",")[0];
        Span span = traces.start("smtp send", SpanKind.CLIENT, traces.enabled() ? traceOfDelivery(first) : null);
        try (var scope = span.makeCurrent()) {
            mailer.send(message(to, mail, deliveries)).await().atMost(config.mailTimeout());
        } catch (RuntimeException e) {
            span.recordException(e).setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    /** The same, without waiting: the stage completes when the SMTP server accepted it (or fails within the timeout). */
    public CompletionStage<Void> mailAsync(String to, MailComposer.Mail mail, String deliveries) {
        Span span = traces.start("smtp send", SpanKind.CLIENT, mailTraces.remove(deliveries));
        return ended(span, mailer.send(message(to, mail, deliveries)).ifNoItem().after(config.mailTimeout()).fail()
                .subscribeAsCompletionStage());
    }

    private static Mail message(String to, MailComposer.Mail mail, String deliveries) {
        Mail message = Mail.withHtml(to, mail.subject(), SevenBitHtml.of(mail.html())).setText(mail.text()).addHeader(DELIVERY_HEADER, deliveries)
                .addHeader("Message-ID", messageId(deliveries));
        if (mail.headers() != null) {
            mail.headers().forEach(message::addHeader);
        }
        return message;
    }

    /**
     * The same Message-ID every time the same deliveries are sent: if the service dies between the SMTP server's
     * acceptance and the row's update, the copy sent on restart is the same message, which mail clients show once.
     */
    public static String messageId(String deliveries) {
        return "<" + UUID.nameUUIDFromBytes(deliveries.getBytes(StandardCharsets.UTF_8)) + "@notification.twinning.club>";
    }

    /** The CloudEvent of a claimed webhook delivery, signed with the contact's secret(s). */
    public Webhook webhook(Claimed d) throws DeliveryFailure {
        List<String> keys = secrets.signing(d.contactId(), d.plainSecret(), d.sealedSecret(), d.previousSecret(), d.previousUntil());
        if (keys.isEmpty()) {
            throw new DeliveryFailure("no-secret", "no webhook secret for contact " + d.contactId(), true, false, null);
        }
        try {
            ObjectNode event = json.createObjectNode().put("specversion", "1.0").put("id", d.eventId()).put("type", d.eventType())
                    .put("source", d.eventSource()).put("subject", d.eventSubject()).put("time", d.eventTime().toString())
                    .put("datacontenttype", "application/json");
            event.set("data", json.readTree(d.eventData()));
            String body = json.writeValueAsString(event);
            return new Webhook(d.recipient(), body, WebhookSignature.of(keys, clock.instant().getEpochSecond(), body), d.eventId(),
                    traceOf(d.eventId()));
        } catch (JsonProcessingException e) {
            throw new DeliveryFailure("error", "the event's data is not JSON: " + e.getMessage(), false, false, e);
        }
    }

    /** Posts the webhook within the deadline; an address the policy refuses is never connected to. */
    public CompletionStage<Void> post(Webhook w) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        Span span = traces.start("webhook POST", SpanKind.CLIENT, w.traceparent());
        String traceparent = Traces.traceparent(Context.root().with(span)).orElse(null);
        ended(span, result);
        AtomicReference<HttpClientRequest> request = new AtomicReference<>();
        long deadline = config.webhookTimeout().toMillis();
        long timer = vertx.setTimer(deadline, id -> {
            if (result.completeExceptionally(new DeliveryFailure("timeout", "no complete answer within " + deadline + " ms", true, true,
                    null))) {
                HttpClientRequest r = request.get();
                if (r != null) {
                    r.reset(); // closes the connection: a trickling body holds nothing of ours
                }
            }
        });
        result.whenComplete((v, e) -> vertx.cancelTimer(timer));
        CompletableFuture.supplyAsync(() -> {
            try {
                return policy.resolve(w.url());
            } catch (EgressPolicy.Refused e) {
                throw new java.util.concurrent.CompletionException(DeliveryFailure.refusedAddress(w.url() + ": " + e.getMessage()));
            } catch (UnknownHostException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, resolver).whenComplete((target, failure) -> {
            if (failure != null) {
                result.completeExceptionally(DeliveryFailure.of(failure));
            } else if (!result.isDone()) {
                exchange(target, w, request, result, traceparent);
            }
        });
        return result;
    }

    private void exchange(EgressPolicy.Target target, Webhook w, AtomicReference<HttpClientRequest> request,
                          CompletableFuture<Void> result, String traceparent) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(target.host()).setPort(target.port())
                .setURI(target.pathAndQuery()).setSsl(target.https()).setFollowRedirects(false)
                // Connect to the address checked, not to whatever the name resolves to a moment later; Host and SNI keep the name.
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .putHeader("Content-Type", "application/cloudevents+json")
                .putHeader("Idempotency-Key", w.idempotencyKey())
                .putHeader(WebhookSignature.HEADER, w.signature());
        if (traceparent != null) {
            options.putHeader(Traces.TRACEPARENT, traceparent); // the receiver may continue the event's trace
        }
        int cap = config.webhook().responseCap();
        http.request(options).onComplete(made -> {
            if (made.failed()) {
                result.completeExceptionally(DeliveryFailure.of(made.cause()));
                return;
            }
            HttpClientRequest r = made.result();
            request.set(r);
            if (result.isDone()) {
                r.reset();
                return;
            }
            r.response().onComplete(answered -> {
                if (answered.failed()) {
                    result.completeExceptionally(DeliveryFailure.of(answered.cause()));
                    return;
                }
                HttpClientResponse response = answered.result();
                int status = response.statusCode();
                AtomicLong read = new AtomicLong();
                response.handler(chunk -> {
                    if (read.addAndGet(chunk.length()) > cap) {
                        finish(result, status);
                        r.reset(); // enough: the rest is not read
                    }
                });
                response.exceptionHandler(e -> result.completeExceptionally(DeliveryFailure.of(e)));
                response.endHandler(v -> finish(result, status));
            });
            r.end(Buffer.buffer(w.body()));
        });
    }

    private static void finish(CompletableFuture<Void> result, int status) {
        if (status / 100 == 2) {
            result.complete(null);
        } else {
            result.completeExceptionally(DeliveryFailure.http(status));
        }
    }

    // ---- each send is a span of its event's trace, kept by the inbox that applied the event -----------------------
    // Looked up only while tracing is on, and never on an event loop (sends may start on one).

    private String traceOf(String eventId) {
        if (!traces.enabled()) {
            return null;
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> processed.traceparent(eventId).orElse(null));
        } catch (RuntimeException e) {
            return null; // a lost trace never fails a send
        }
    }

    private String traceOfDelivery(String deliveryId) {
        try {
            Delivery d = QuarkusTransaction.requiringNew().call(() -> Delivery.findById(UUID.fromString(deliveryId)));
            return d == null ? null : traceOf(d.eventId);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static <T> CompletionStage<T> ended(Span span, CompletionStage<T> send) {
        send.whenComplete((ok, e) -> {
            if (e != null) {
                span.recordException(e).setStatus(StatusCode.ERROR);
            }
            span.end();
        });
        return send;
    }
}
