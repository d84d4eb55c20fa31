package dev.preflight.dashboard;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.preflight.platform.api.Page;
import dev.preflight.platform.security.Roles;

/** The go-live board for scripts and other dashboards: the same numbers as the page at {@code /}. */
@Path("/api/v1/board")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Board", description = "Go-live status across all launches")
public class BoardResource {

    private static final int TEAMS_PAGE = 50;

    private final Board board;

    public BoardResource(Board board) {
        this.board = board;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Read the go-live board", description = "A page of launches by target date (running ones, "
            + "then those finished in the last 30 days; or those in the from/to window) with their readiness and what "
            + "stands in their way, the sums over running launches, the top teams by open blockers, the recovery "
            + "posture and the daily trend. Filters: team, tier, state, risk=at-risk, has (blockers, sign-offs, stale, "
            + "overdue, waivers), from, to, template; 25 launches a page.")
    public BoardViews.Board board(@QueryParam("team") String team, @QueryParam("tier") String tier,
            @QueryParam("state") String state, @QueryParam("risk") String risk, @QueryParam("has") String has,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("template") String template,
            @QueryParam("page") Integer page) {
        return board.board(BoardFilter.parse(team, tier, state, risk, has, from, to, template, page));
    }

    @GET
    @Path("teams")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List the teams' roll-ups", description = "Every team with running launches, by name: "
            + "launches, average readiness, open blockers, missing sign-offs, stale and overdue items, waivers.")
    public List<BoardViews.TeamRow> teams(@QueryParam("page") Integer page) {
        return board.teams(Page.Request.of(page, TEAMS_PAGE).page(), TEAMS_PAGE);
    }
}
