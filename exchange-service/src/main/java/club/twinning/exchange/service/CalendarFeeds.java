package club.twinning.exchange.service;

import club.twinning.exchange.config.ExchangeConfig;
import club.twinning.exchange.domain.CalendarFeed;
import club.twinning.exchange.domain.IssuedFeed;
import club.twinning.exchange.domain.Visit;
import club.twinning.exchange.replica.KnownParty;
import club.twinning.platform.problem.ProblemException;
import club.twinning.platform.security.Caller;
import club.twinning.platform.security.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Private calendar feeds: a person creates one (its secret token is shown once, only its hash kept), lists and
 * revokes their own, and a calendar application reads it with the token alone. A feed shows the visits its owner
 * could see when creating it: a partner its own city's, the council, the secretariat and ops every visit.
 */
@ApplicationScoped
@Transactional
public class CalendarFeeds {

    public static final Set<String> LANGUAGES = Set.of("fr", "ar", "en");
    /** 32 random bytes, base64url without padding. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Caller caller;
    private final ExchangeConfig config;
    private final Clock clock;

    CalendarFeeds(Caller caller, ExchangeConfig config, Clock clock) {
        this.caller = caller;
        this.config = config;
        this.clock = clock;
    }

    public IssuedFeed create(String lang) {
        String token = RandomTokens.next();
        CalendarFeed feed = new CalendarFeed();
        feed.id = UUID.randomUUID();
        feed.tokenHash = hash(token);
        feed.owner = caller.name();
        feed.city = caller.cityScope().city();
        feed.lang = LANGUAGES.contains(lang) ? lang : "fr";
        feed.createdAt = clock.instant();
        feed.persist();
        return new IssuedFeed(feed, token);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CalendarFeed> mine() {
        return CalendarFeed.liveOf(caller.name());
    }

    /** Only the owner revokes; to anyone else the feed does not exist (404, as an unknown id). */
    public void revoke(UUID id) {
        CalendarFeed feed = CalendarFeed.findById(id);
        if (feed == null || feed.revokedAt != null || !feed.owner.equals(caller.name())) {
            throw ProblemException.notFound("calendar feed", id);
        }
        feed.revokedAt = clock.instant();
    }

    /**
     * The feed a token opens, as iCalendar text: 404 for an unknown, malformed or revoked token. The token is looked
     * up by its hash, so no comparison of secrets leaks timing.
     */
    public String render(String token, LocalDate from, LocalDate to, int limit) {
        CalendarFeed feed = (token == null || !TOKEN.matcher(token).matches() ? null
                : CalendarFeed.live(hash(token)).orElse(null));
        if (feed == null) {
            throw new ProblemException(404, "unknown-feed", "No such calendar feed",
                    "this calendar address is unknown or was revoked; create a new one in the portal");
        }
        Instant now = clock.instant();
        feed.lastUsedAt = now;
        return VisitCalendar.of(Visit.overlapping(from, to, feed.city, limit), places(feed.lang), feed.lang,
                config.portalUrl(), now);
    }

    /** The signed-in caller's calendar (bearer token), the same rendering as a private feed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String renderFor(List<Visit> visits, String lang) {
        String language = LANGUAGES.contains(lang) ? lang : "fr";
        return VisitCalendar.of(visits, places(language), language, config.portalUrl(), clock.instant());
    }

    /** Every known party's name in the language (platform's rule: then French, English, Arabic, its code), and place. */
    private static java.util.function.Function<String, VisitCalendar.Place> places(String lang) {
        Map<String, VisitCalendar.Place> places = new HashMap<>();
        for (KnownParty p : KnownParty.<KnownParty>listAll()) {
            places.put(p.code, new VisitCalendar.Place(p.name(lang), p.latitude, p.longitude));
        }
        return places::get;
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
