package club.twinning.platform.trace;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One trace across the hops the platform owns, where no instrumentation sees the link: a transaction's trace is
 * written with its outbox rows, relayed as the CloudEvents extension {@value #TRACEPARENT}, and continued by the
 * consumer and by what the consumer schedules. Tracing off (the SDK disabled, as locally), spans are no-ops and a
 * received trace context is still passed on unchanged.
 */
@ApplicationScoped
public class Traces {

    /** The W3C Trace Context header, and the name of the CloudEvents extension that carries it. */
    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<String> HEADER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private final Tracer tracer;
    private final boolean enabled;

    public Traces(OpenTelemetry telemetry,
                  @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean disabled) {
        this.tracer = telemetry.getTracer("club.twinning.platform");
        this.enabled = !disabled;
    }

    /** Whether spans are recorded and exported: work done only for a trace (a look-up) can be skipped when not. */
    public boolean enabled() {
        return enabled;
    }

    /** The traceparent of the current span; empty when nothing is being traced. */
    public Optional<String> traceparent() {
        return traceparent(Context.current());
    }

    public static Optional<String> traceparent(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        return Optional.ofNullable(carrier.get(TRACEPARENT));
    }

    /** The context that a traceparent continues; a new trace (the root context) when it is absent or malformed. */
    public static Context context(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, HEADER);
    }

    /** Starts a span whose parent is {@code traceparent} (null: a new trace); the caller makes it current and ends it. */
    public Span start(String name, SpanKind kind, String traceparent) {
        return tracer.spanBuilder(name).setSpanKind(kind).setParent(context(traceparent)).startSpan();
    }
}
