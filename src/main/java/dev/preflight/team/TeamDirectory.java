package dev.preflight.team;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

import dev.preflight.audit.AuditLog;
import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.api.Page;
import dev.preflight.platform.api.Slugs;
import dev.preflight.platform.api.Versions;
import dev.preflight.platform.problems.ProblemException;

/** Creates, reads, renames and removes teams; the one place that writes the team table. Admins only: see the resources. */
@ApplicationScoped
public class TeamDirectory {

    private final InputValidator validator;
    private final AuditLog audit;

    public TeamDirectory(InputValidator validator, AuditLog audit) {
        this.validator = validator;
        this.audit = audit;
    }

    public Page<TeamView> list(Page.Request request) {
        PanacheQuery<Team> query = Team.findAll(Sort.by("name").and("slug"));
        long total = query.count();
        List<TeamView> items = query.page(request.page() - 1, request.size()).list().stream()
                .map(TeamView::of).toList();
        return new Page<>(items, request.page(), request.size(), total);
    }

    /** Every team, by name: for choosing an owner in forms. */
    public List<TeamView> all() {
        return Team.<Team> listAll(Sort.by("name").and("slug")).stream().map(TeamView::of).toList();
    }

    /** The first teams by name, up to the limit: for suggesting teams when there are few. */
    public List<TeamView> first(int limit) {
        return Team.<Team> findAll(Sort.by("name").and("slug")).page(0, limit).list().stream().map(TeamView::of)
                .toList();
    }

    /** The team a person typed: the one with that slug, else one whose whole name it is, in any case. */
    public Optional<TeamView> named(String text) {
        return Team.<Team> find("from Team where slug = ?1 or lower(name) = lower(?1) "
                + "order by case when slug = ?1 then 0 else 1 end, slug", text.trim()).firstResultOptional()
                .map(TeamView::of);
    }

    public TeamView get(String slug) {
        return TeamView.of(find(slug));
    }

    /** The team entity, for features that refer to a team, such as a service's owner. */
    public Optional<Team> lookup(String slug) {
        return Team.findBySlug(slug);
    }

    private Team find(String slug) {
        return Team.findBySlug(slug).orElseThrow(() -> Team.notFound(slug));
    }

    @Transactional
    public TeamView create(TeamInput input) {
        InputValidator.Errors errors = validator.check(input);
        String slug = Slugs.chosenOrDerived(input.slug(), input.name(), errors);
        errors.throwIfAny();
        if (Team.findBySlug(slug).isPresent()) {
            throw ProblemException.conflict("A team with the slug '" + slug + "' already exists.");
        }
        Team team = new Team();
        team.slug = slug;
        team.name = input.name().trim();
        team.persistAndFlush();
        audit.record("team.create", "team", team.slug, null, TeamView.of(team));
        return TeamView.of(team);
    }

    @Transactional
    public TeamView update(String slug, TeamInput input, Long expectedVersion) {
        Team team = find(slug);
        InputValidator.Errors errors = validator.check(input);
        if (input.slug() != null && !input.slug().equals(slug)) {
            errors.add("slug", "cannot be changed");
        }
        errors.throwIfAny();
        Versions.check("The team", team.version, expectedVersion);
        TeamView before = TeamView.of(team);
        team.name = input.name().trim();
        Team.flush();
        audit.record("team.update", "team", team.slug, before, TeamView.of(team));
        return TeamView.of(team);
    }

    @Transactional
    public void delete(String slug, Long expectedVersion) {
        Team team = find(slug);
        Versions.check("The team", team.version, expectedVersion);
        TeamView before = TeamView.of(team);
        team.delete();
        try {
            Team.flush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("The team '" + slug + "' still owns services. Give them another owner "
                    + "or delete them first.");
        }
        audit.record("team.delete", "team", slug, before, null);
    }
}
