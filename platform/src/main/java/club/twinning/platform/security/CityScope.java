package club.twinning.platform.security;

import club.twinning.platform.problem.ProblemException;
import java.util.Collection;

/**
 * The one answer to "which cities may this caller see": every city, or its own only. Made by
 * {@link Caller#cityScope(String...)}; every "own city only" decision in every service goes through it.
 *
 * @param city the caller's own city, or null when the caller sees every city
 */
public record CityScope(String city) {

    public static final CityScope EVERY_CITY = new CityScope(null);

    public boolean everyCity() {
        return city == null;
    }

    public boolean covers(String partyCode) {
        return city == null || city.equals(partyCode);
    }

    public boolean coversAny(Collection<String> partyCodes) {
        return city == null || partyCodes.contains(city);
    }

    /** The city a list is filtered on: the caller's own, whatever it asked for, or what it asked for if it sees all. */
    public String filter(String requested) {
        return city == null ? requested : city;
    }

    /** A 403 unless the thing involving {@code partyCodes} is within the scope. */
    public void require(Collection<String> partyCodes, String what) {
        if (!coversAny(partyCodes)) {
            throw new ProblemException(403, "other-city", "Not your city", "a partner sees its own city's " + what + " only");
        }
    }
}
