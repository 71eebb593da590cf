package club.twinning.exchange.domain;

import java.util.List;

/** A partner the caller's city may ask, why, and how strongly. */
public record Match(String party, String name, int score, List<String> reasons) {
}
