package dev.preflight.dashboard;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.preflight.launch.LaunchState;
import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.api.Page;
import dev.preflight.platform.text.Keyed;
import dev.preflight.platform.web.PageLink;

/**
 * Which launches the board shows. Without a window of target dates it shows every running launch
 * and those that went live or were cancelled in the last {@value #RECENT_DAYS} days; with one, the
 * launches whose target date falls in it. Every criterion is optional.
 *
 * @param team     slug of the owning team
 * @param tier     the service's tier
 * @param state    the launch's state
 * @param risk     only launches late or at risk
 * @param has      only launches with something of this kind: blockers, sign-offs, stale, overdue, waivers
 * @param template slug of the checklist template
 */
public record BoardFilter(String team, Integer tier, LaunchState state, boolean risk, String has, LocalDate from,
        LocalDate to, String template, int page) {

    /** Finished launches stay on the board this many days after their target date. */
    public static final int RECENT_DAYS = 30;
    /** A running launch due within this many days with a blocker or a missing sign-off is at risk. */
    public static final int AT_RISK_DAYS = 14;
    public static final int PAGE_SIZE = 25;
    public static final List<String> HAS = List.of("blockers", "sign-offs", "stale", "overdue", "waivers");

    public static final BoardFilter ALL = new BoardFilter(null, null, null, false, null, null, null, null, 1);

    /** Reads the criteria from query parameters, refusing values that cannot match anything. */
    public static BoardFilter parse(String team, String tier, String state, String risk, String has, String from,
            String to, String template, Integer page) {
        InputValidator.Errors errors = new InputValidator.Errors();
        Integer tierValue = null;
        if (present(tier)) {
            tierValue = switch (tier.trim()) {
                case "1" -> 1;
                case "2" -> 2;
                case "3" -> 3;
                default -> {
                    errors.add("tier", "must be 1, 2 or 3");
                    yield null;
                }
            };
        }
        LaunchState stateValue = null;
        if (present(state)) {
            stateValue = Keyed.byKey(LaunchState.class, state.trim()).orElse(null);
            if (stateValue == null) {
                errors.add("state", "must be one of: "
                        + Arrays.stream(LaunchState.values()).map(LaunchState::key).collect(Collectors.joining(", ")));
            }
        }
        boolean riskValue = false;
        if (present(risk)) {
            riskValue = "at-risk".equals(risk.trim());
            if (!riskValue) {
                errors.add("risk", "must be at-risk (late, or due within " + AT_RISK_DAYS
                        + " days with a blocker or a missing sign-off)");
            }
        }
        String hasValue = present(has) ? has.trim() : null;
        if (hasValue != null && !HAS.contains(hasValue)) {
            errors.add("has", "must be one of: " + String.join(", ", HAS));
        }
        LocalDate fromDate = errors.date("from", from);
        LocalDate toDate = errors.date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.add("to", "must not be before from");
        }
        int pageValue = page == null ? 1 : page;
        if (pageValue < 1 || pageValue > Page.MAX_PAGE) {
            errors.add("page", "must be between 1 and " + Page.MAX_PAGE);
        }
        errors.throwIfAny();
        return new BoardFilter(present(team) ? team.trim() : null, tierValue, stateValue, riskValue, hasValue, fromDate,
                toDate, present(template) ? template.trim() : null, pageValue);
    }

    /** The same criteria on another page. */
    public BoardFilter onPage(int number) {
        return new BoardFilter(team, tier, state, risk, has, from, to, template, number);
    }

    /** The same criteria for one team, on the first page. */
    public BoardFilter forTeam(String slug) {
        return new BoardFilter(slug, tier, state, risk, has, from, to, template, 1);
    }

    /** The same criteria for launches with something of a kind, on the first page. */
    public BoardFilter having(String kind) {
        return new BoardFilter(team, tier, state, risk, kind, from, to, template, 1);
    }

    public boolean isEmpty() {
        return team == null && tier == null && state == null && !risk && has == null && from == null && to == null
                && template == null;
    }

    /** Whether anything besides the team narrows the launches (the sums are then read from their rows). */
    public boolean narrowsBeyondTeam() {
        return tier != null || state != null || risk || has != null || from != null || to != null || template != null;
    }

    /** Whether the board shows launches before and after the default window of running and recent ones. */
    public boolean hasWindow() {
        return from != null || to != null;
    }

    /** An address (the board, its heatmap or export) with these criteria; {@code link(path).page(n)} for a page. */
    public PageLink link(String path) {
        return PageLink.to(path).with("team", team).with("tier", tier).with("state", state)
                .with("risk", risk ? "at-risk" : null).with("has", has).with("from", from).with("to", to)
                .with("template", template);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
