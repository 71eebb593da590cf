package club.twinning.exchange.domain;

import java.util.List;

/** The command to file a visit's report; who filed it and when are added by the service. */
public record ReportDraft(String outcomes, String lessons, List<Visit.FollowUp> followUps, List<String> attendance) {
}
