package club.twinning.notification.service;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.HttpClosedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Why a send failed, as a category a partner may read ({@code timeout}, {@code refused}, {@code tls}, {@code dns},
 * {@code closed}, {@code http-503}, {@code refused-address}, {@code smtp-550}…), never the exception: a raw message
 * told a closed port from a live service. The detail goes to ops' log only.
 */
public final class DeliveryFailure extends Exception {

    public static final String REFUSED_ADDRESS = "refused-address";
    private static final Pattern SMTP_CODE = Pattern.compile("\\b([45]\\d\\d)\\b");

    private final String category;
    /** false: trying again changes nothing (the address is refused): FAILED at once. */
    private final boolean retryable;
    /** Whether it counts against the endpoint's breaker (it is down or overloaded, not merely refusing this one). */
    private final boolean endpointFault;

    public DeliveryFailure(String category, String detail, boolean retryable, boolean endpointFault, Throwable cause) {
        super(detail, cause, false, false);
        this.category = category;
        this.retryable = retryable;
        this.endpointFault = endpointFault;
    }

    public static DeliveryFailure refusedAddress(String detail) {
        return new DeliveryFailure(REFUSED_ADDRESS, detail, false, false, null);
    }

    public static DeliveryFailure http(int status) {
        return new DeliveryFailure("http-" + status, "answered " + status, true, status >= 500 || status == 429, null);
    }

    public String category() {
        return category;
    }

    public boolean retryable() {
        return retryable;
    }

    public boolean endpointFault() {
        return endpointFault;
    }

    /** Any exception of a send, as a failure with its category. */
    public static DeliveryFailure of(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof DeliveryFailure f) {
            return f;
        }
        String detail = e.getClass().getName() + ": " + e.getMessage();
        String category;
        if (e instanceof TimeoutException || e instanceof io.smallrye.mutiny.TimeoutException || e instanceof ConnectTimeoutException || e instanceof java.net.SocketTimeoutException
                || e instanceof io.netty.handler.timeout.TimeoutException || String.valueOf(e.getMessage()).toLowerCase().contains("timed out")) {
            category = "timeout";
        } else if (e instanceof SSLException || e instanceof java.security.cert.CertificateException) {
            category = "tls";
        } else if (e instanceof UnknownHostException) {
            category = "dns";
        } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            category = "refused";
        } else if (e instanceof HttpClosedException || e instanceof ClosedChannelException || e instanceof java.io.IOException) {
            category = "closed";
        } else if (e.getClass().getName().startsWith("io.vertx.ext.mail")) {
            Matcher code = SMTP_CODE.matcher(String.valueOf(e.getMessage()));
            category = code.find() ? "smtp-" + code.group(1) : "smtp";
        } else {
            category = "error";
        }
        return new DeliveryFailure(category, detail, true, true, e);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof java.util.concurrent.CompletionException || e instanceof java.util.concurrent.ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
