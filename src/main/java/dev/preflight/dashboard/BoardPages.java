package dev.preflight.dashboard;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.sse.Sse;

import org.jboss.resteasy.reactive.RestStreamElementType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateGlobal;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;

import dev.preflight.identity.LiveStreams;
import dev.preflight.launch.LaunchState;
import dev.preflight.platform.PreflightConfig;
import dev.preflight.platform.api.Page;
import dev.preflight.platform.db.LiveFeed;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.security.Roles;
import dev.preflight.platform.text.Text;
import dev.preflight.platform.web.Fragments;
import dev.preflight.team.TeamDirectory;
import dev.preflight.team.TeamView;

/**
 * The go-live board at {@code /} for everyone signed in: launches by target date with their
 * readiness and what stands in their way, the roll-up by team, the recovery posture, the trend;
 * and the views it links to: the sections heatmap, every team, the services behind each posture
 * number, and the board as CSV.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.VIEWER)
public class BoardPages {

    @TemplateGlobal
    static final List<LaunchState> boardStates = List.of(LaunchState.values());

    @TemplateGlobal
    static final List<String> boardHas = BoardFilter.HAS;

    @TemplateGlobal
    static final List<RecoveryProblem> recoveryProblems = List.of(RecoveryProblem.values());

    @TemplateGlobal
    static final int recentDays = BoardFilter.RECENT_DAYS;

    @TemplateGlobal
    static final int riskDays = BoardFilter.AT_RISK_DAYS;

    /** Everything the board shows below the menu: the key its rendering is kept under. */
    private record BodyKey(BoardViews.Board board, List<TeamView> teams, boolean manyTeams, String unknownTeam) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance board(RawString body);

        /** The board below the menu, rendered once per state of what it shows. */
        static native TemplateInstance board$body(BoardViews.Board board, List<RawString> rows, RawString trend,
                int exerciseDays, List<TeamView> allTeams, boolean manyTeams, String teamName, String unknownTeam);

        /** One launch of the board, rendered once per state of its row. */
        static native TemplateInstance board$row(BoardViews.Row l);

        static native TemplateInstance heatmap(BoardViews.Heatmap heatmap, BoardFilter filter,
                List<BoardViews.TemplateChoice> templates);

        static native TemplateInstance teams(List<BoardViews.TeamRow> teams, int page, boolean more);

        static native TemplateInstance recovery(RecoveryProblem problem, String team, List<BoardViews.PostureRow> services,
                int page, boolean more, int exerciseDays);
    }

    private static final int TEAMS_PAGE = 50;
    /**
     * Up to this many teams, the team filter suggests every team; beyond, the teams with the most
     * open blockers (the page would otherwise grow with every team): another is typed by name, or
     * picked on the teams page.
     */
    private static final int TEAMS_SUGGESTED = 50;
    private static final Duration BOARD_EVENTS_EVERY = Duration.ofSeconds(1);

    private final Board board;
    private final Fragments fragments;
    private final LiveFeed feed;
    private final LiveStreams streams;
    private final int exerciseDays;
    private final TeamDirectory teams;

    public BoardPages(Board board, Fragments fragments, LiveFeed feed, LiveStreams streams, PreflightConfig config,
            TeamDirectory teams) {
        this.streams = streams;
        this.teams = teams;
        this.board = board;
        this.fragments = fragments;
        this.feed = feed;
        this.exerciseDays = config.recovery().runbookExerciseEveryDays();
    }

    @GET
    public TemplateInstance board(@QueryParam("team") String team, @QueryParam("tier") String tier,
            @QueryParam("state") String state, @QueryParam("risk") String risk, @QueryParam("has") String has,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("template") String template,
            @QueryParam("page") Integer page) {
        String typed = Text.blankToNull(team);
        Optional<TeamView> chosen = typed == null ? Optional.empty() : teams.named(typed);
        String unknownTeam = typed != null && chosen.isEmpty() ? typed.trim() : null;
        BoardViews.Board shown = board.board(BoardFilter.parse(chosen.map(TeamView::slug).orElse(null), tier, state,
                risk, has, from, to, template, page));
        List<TeamView> first = teams.first(TEAMS_SUGGESTED + 1);
        boolean many = first.size() > TEAMS_SUGGESTED;
        List<TeamView> suggested = many ? List.of() : first;
        String teamName = chosen.map(TeamView::name).orElse(null);
        return Templates.board(fragments.get(new BodyKey(shown, suggested, many, unknownTeam), () -> {
            List<RawString> rows = shown.launches().stream()
                    .map(row -> fragments.get(row, () -> Templates.board$row(row))).toList();
            return Templates.board$body(shown, rows, new RawString(TrendChart.svg(shown.trend())), exerciseDays,
                    suggested, many, teamName, unknownTeam);
        }));
    }

    /**
     * Which launches changed, from every instance, at most once a second (server-sent events, each
     * a JSON list of launch ids): the board reloads its rows and marks those. The stream ends when
     * the caller's session or token does.
     */
    @GET
    @Path("board/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<Object> events(@Context Sse sse) {
        return streams.whileSignedIn(feed.changes().group().intoLists().every(BOARD_EVENTS_EVERY)
                .filter(changes -> !changes.isEmpty())
                .map(changes -> changes.stream().map(LiveFeed.Change::launch).distinct().toList()), sse);
    }

    /** The board's launches (every page) as CSV, for spreadsheets and the review meeting. */
    @GET
    @Path("board/launches.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("team") String team, @QueryParam("tier") String tier,
            @QueryParam("state") String state, @QueryParam("risk") String risk, @QueryParam("has") String has,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("template") String template) {
        BoardFilter filter = BoardFilter.parse(team, tier, state, risk, has, from, to, template, 1);
        board.check(filter);
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(BoardCsv.HEADER);
            try {
                board.export(filter, row -> {
                    try {
                        writer.write(BoardCsv.line(row));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"go-live-board.csv\"").build();
    }

    @GET
    @Path("board/heatmap")
    public TemplateInstance heatmap(@QueryParam("team") String team, @QueryParam("tier") String tier,
            @QueryParam("state") String state, @QueryParam("risk") String risk, @QueryParam("has") String has,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("template") String template,
            @QueryParam("page") Integer page) {
        BoardFilter filter = BoardFilter.parse(team, tier, state, risk, has, from, to, template, page);
        return Templates.heatmap(board.heatmap(filter), filter, board.templates(filter.team()));
    }

    @GET
    @Path("board/teams")
    public TemplateInstance teams(@QueryParam("page") Integer page) {
        Page.Request request = Page.Request.of(page, TEAMS_PAGE);
        List<BoardViews.TeamRow> rows = board.teams(request.page(), TEAMS_PAGE + 1);
        boolean more = rows.size() > TEAMS_PAGE;
        return Templates.teams(more ? rows.subList(0, TEAMS_PAGE) : rows, request.page(), more);
    }

    @GET
    @Path("board/recovery")
    public TemplateInstance recovery(@QueryParam("problem") String problem, @QueryParam("team") String team,
            @QueryParam("page") Integer page) {
        RecoveryProblem chosen = RecoveryProblem.byKey(problem == null ? "" : problem.trim())
                .orElseThrow(() -> ProblemException.invalid("problem", "must be one of: " + String.join(", ",
                        recoveryProblems.stream().map(RecoveryProblem::key).toList())));
        Page.Request request = Page.Request.of(page, TEAMS_PAGE);
        String teamSlug = Text.blankToNull(team);
        List<BoardViews.PostureRow> rows = board.postureProblems(chosen, teamSlug, request.page(), TEAMS_PAGE + 1);
        boolean more = rows.size() > TEAMS_PAGE;
        return Templates.recovery(chosen, teamSlug, more ? rows.subList(0, TEAMS_PAGE) : rows, request.page(), more,
                exerciseDays);
    }

    /** Template extensions for the board's pages. */
    @TemplateExtension
    static class Display {

        /** A posture count by problem. */
        static int count(BoardViews.Posture posture, RecoveryProblem problem) {
            return switch (problem) {
                case NO_TARGETS -> posture.noTargets();
                case INCONSISTENT_TARGETS -> posture.inconsistentTargets();
                case DRILLS -> posture.drillsOverdueOrFailed();
                case RUNBOOK_INCOMPLETE -> posture.runbookIncomplete();
                case RUNBOOK_NOT_EXERCISED -> posture.runbookNotExercised();
                case DUTIES_DUE -> posture.dutiesDue();
            };
        }
    }
}
