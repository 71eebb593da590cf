package club.twinning.portal.web;

import club.twinning.portal.client.ExchangeApi;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The council's figures, computed in the portal from exchange-service's paged lists, since the service has no
 * aggregate for them yet: requests by stage, the waiting ones by age (since submission, the date the lists filter
 * on), visits per relationship and year, relationships by health grade. Each count stops at {@link #CAP} rows (shown
 * as "400+") so a page never walks thousands of requests; the figures are kept two minutes, the same for every
 * council member and the secretariat (both see every city).
 */
@ApplicationScoped
public class CouncilFigures {

    static final int CAP = 400;
    private static final int PAGE = 200;
    private static final Duration KEPT = Duration.ofMinutes(2);
    static final List<String> STAGES = List.of("SUBMITTED", "UNDER_REVIEW", "CHANGES_REQUESTED", "ON_HOLD", "APPROVED",
            "SCHEDULED", "COMPLETED", "REJECTED", "WITHDRAWN", "CLOSED");
    static final List<String> WAITING = List.of("SUBMITTED", "UNDER_REVIEW");
    /** Age buckets in days since submission: [from, to) — the last has no end. */
    static final int[][] AGES = {{0, 8}, {8, 31}, {31, 91}, {91, Integer.MAX_VALUE}};
    static final int YEARS = 5;

    /** A count, and whether it stopped at the cap. */
    public record Count(long value, boolean capped) {
        public String shown() {
            return capped ? value + "+" : Long.toString(value);
        }
    }

    /** A request waiting for votes, and for how many days. */
    public record Waiting(String id, String title, String status, String requestingParty, String partnerParty,
                          long days, JsonNode tally) {
    }

    public record Snapshot(Instant at, Map<String, Count> stages, List<Count> ages, List<Waiting> longestWaiting,
                           Map<String, Map<Integer, Integer>> visits, List<Integer> years, Set<Integer> cappedYears,
                           Map<String, Integer> grades, List<JsonNode> relationships) {

        /**
         * The year the visits chart opens on: this year, or the next when this year holds no visit and the next does
         * (in December the visits being planned are next year's, and an empty chart would hide them).
         */
        public int shownYear() {
            int thisYear = years.get(years.size() - 2);
            boolean noneThisYear = visits.values().stream().noneMatch(byYear -> byYear.getOrDefault(thisYear, 0) > 0);
            boolean someNextYear = visits.values().stream().anyMatch(byYear -> byYear.getOrDefault(thisYear + 1, 0) > 0);
            return noneThisYear && someNextYear ? thisYear + 1 : thisYear;
        }
    }

    private final ExchangeApi exchange;
    private volatile Snapshot kept;

    CouncilFigures(@RestClient ExchangeApi exchange) {
        this.exchange = exchange;
    }

    /** The figures, from the last two minutes or fetched now with the caller's token. */
    public Snapshot now() {
        Snapshot snapshot = kept;
        if (snapshot == null || snapshot.at().plus(KEPT).isBefore(Instant.now())) {
            snapshot = fetch(LocalDate.now(ZoneOffset.UTC));
            kept = snapshot;
        }
        return snapshot;
    }

    Snapshot fetch(LocalDate today) {
        Map<String, Count> stages = new LinkedHashMap<>();
        for (String stage : STAGES) {
            stages.put(stage, count(stage, null, null, null));
        }
        List<Count> ages = new ArrayList<>();
        List<JsonNode> oldest = new ArrayList<>();
        for (int[] age : AGES) {
            // submittedAt in (today - to, today - from]: the filter's from is inclusive, to exclusive, by day.
            LocalDate from = age[1] == Integer.MAX_VALUE ? null : today.minusDays(age[1] - 1L);
            LocalDate to = today.minusDays(age[0] - 1L);
            long total = 0;
            boolean capped = false;
            for (String status : WAITING) {
                Count c = count(status, from, to, oldest);
                total += c.value();
                capped |= c.capped();
            }
            ages.add(new Count(total, capped));
        }
        Instant now = Instant.now();
        List<Waiting> longest = oldest.stream()
                .sorted(Comparator.comparing((JsonNode r) -> r.path("submittedAt").asText()))
                .limit(10)
                .map(r -> new Waiting(r.path("id").asText(), r.path("title").asText(), r.path("status").asText(),
                        r.path("requestingParty").asText(), r.path("partnerParty").asText(),
                        ChronoUnit.DAYS.between(Instant.parse(r.path("submittedAt").asText()), now), r.path("tally")))
                .toList();

        List<Integer> years = new ArrayList<>();
        Map<String, Map<Integer, Integer>> visits = new TreeMap<>();
        Set<Integer> cappedYears = new TreeSet<>();
        for (int year = today.getYear() - YEARS + 2; year <= today.getYear() + 1; year++) {
            years.add(year);
            JsonNode page = exchange.visits(LocalDate.of(year, 1, 1).toString(), LocalDate.of(year, 12, 31).toString(), 1000);
            if (page.path("items").size() >= 1000) {
                cappedYears.add(year);
            }
            for (JsonNode visit : page.path("items")) {
                if (!"CANCELLED".equals(visit.path("status").asText())) {
                    visits.computeIfAbsent(pair(visit.path("hostParty").asText(), visit.path("visitingParty").asText()),
                            k -> new TreeMap<>()).merge(year, 1, Integer::sum);
                }
            }
        }

        Map<String, Integer> grades = new LinkedHashMap<>();
        for (String grade : List.of("A", "B", "C", "D")) {
            grades.put(grade, 0);
        }
        List<JsonNode> relationships = new ArrayList<>();
        for (JsonNode relationship : exchange.relationships()) {
            grades.merge(relationship.path("grade").asText("?"), 1, Integer::sum);
            relationships.add(relationship);
        }
        relationships.sort(Comparator.comparing((JsonNode r) -> r.path("grade").asText()).reversed());
        return new Snapshot(now, stages, ages, longest, visits, years, Set.copyOf(cappedYears), grades, relationships);
    }

    /** Counts the requests of a status (submitted in [from, to)), page by page up to the cap; keeps them in {@code into}. */
    private Count count(String status, LocalDate from, LocalDate to, List<JsonNode> into) {
        long seen = 0;
        String cursor = null;
        do {
            JsonNode page = exchange.requests(status, null, from == null ? null : from.toString(),
                    to == null ? null : to.toString(), cursor, PAGE);
            for (JsonNode item : page.path("items")) {
                seen++;
                if (into != null) {
                    into.add(item);
                }
            }
            cursor = page.path("nextCursor").asText(null);
        } while (cursor != null && seen < CAP);
        return new Count(seen, cursor != null);
    }

    /** A relationship is the pair of cities, whichever hosted. */
    static String pair(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }
}
