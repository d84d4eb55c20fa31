package dev.preflight.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

import dev.preflight.audit.AuditLog;
import dev.preflight.identity.Access;
import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.api.Page;
import dev.preflight.platform.api.Slugs;
import dev.preflight.platform.api.Versions;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.security.Role;
import dev.preflight.platform.text.Text;
import dev.preflight.team.Team;
import dev.preflight.team.TeamDirectory;

/**
 * The service catalog: finds, registers, edits and removes services; the one writer of the service
 * table. Everyone signed in reads; engineers change their own teams' services; admins any.
 */
@ApplicationScoped
public class ServiceCatalog {

    private final InputValidator validator;
    private final TeamDirectory teams;
    private final Access access;
    private final AuditLog audit;
    private final Event<ServiceTraitsChanged> traitsChanged;

    public ServiceCatalog(InputValidator validator, TeamDirectory teams, Access access, AuditLog audit,
            Event<ServiceTraitsChanged> traitsChanged) {
        this.traitsChanged = traitsChanged;
        this.validator = validator;
        this.teams = teams;
        this.access = access;
        this.audit = audit;
    }

    /** Services matching the filter, by name, read as projections (no entity graph is loaded). */
    public Page<ServiceView> search(ServiceFilter filter, Page.Request request) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.team() != null) {
            where.add("team.slug = :team");
            params.put("team", filter.team());
        }
        if (filter.tier() != null) {
            where.add("tier = :tier");
            params.put("tier", filter.tier());
        }
        if (filter.lifecycle() != null) {
            where.add("lifecycle = :lifecycle");
            params.put("lifecycle", filter.lifecycle());
        }
        if (filter.q() != null) {
            where.add("(lower(name) like :q escape '\\' or slug like :q escape '\\' "
                    + "or lower(description) like :q escape '\\')");
            params.put("q", "%" + likeEscaped(filter.q().toLowerCase(Locale.ROOT)) + "%");
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by lower(name), slug";
        PanacheQuery<ServiceView> found = Service.find(query, params).project(ServiceView.class);
        long total = found.count();
        List<ServiceView> items = found.page(request.page() - 1, request.size()).list();
        return new Page<>(items, request.page(), request.size(), total);
    }

    public ServiceView get(String slug) {
        return ServiceView.of(find(slug));
    }

    /** Whether the caller may change the service: for showing or hiding its actions. */
    public boolean mayChange(String slug) {
        return access.mayChangeTeam(find(slug).team.id);
    }

    @Transactional
    public ServiceView create(ServiceInput input) {
        InputValidator.Errors errors = validator.check(input);
        String slug = Slugs.chosenOrDerived(input.slug(), input.name(), errors);
        access.require(Role.ENGINEER);
        Team team = owner(input, errors);
        errors.throwIfAny();
        access.requireTeamWrite(team);
        if (Service.findBySlug(slug).isPresent()) {
            throw ProblemException.conflict("A service with the slug '" + slug + "' already exists.");
        }
        Service service = new Service();
        service.slug = slug;
        apply(service, input, team);
        service.persistAndFlush();
        audit.record("service.create", "service", slug, null, ServiceView.of(service));
        return ServiceView.of(service);
    }

    @Transactional
    public ServiceView update(String slug, ServiceInput input, Long expectedVersion) {
        Service service = find(slug);
        access.requireTeamWrite(service.team);
        InputValidator.Errors errors = validator.check(input);
        if (input.slug() != null && !input.slug().equals(slug)) {
            errors.add("slug", "cannot be changed");
        }
        Team team = owner(input, errors);
        errors.throwIfAny();
        access.requireTeamWrite(team);
        Versions.check("The service", service.version, expectedVersion);
        ServiceView before = ServiceView.of(service);
        apply(service, input, team);
        Service.flush();
        ServiceTraits traits = ServiceTraits.of(service);
        if (!traits.equals(before.traits())) {
            traitsChanged.fire(new ServiceTraitsChanged(service.id, traits));
        }
        audit.record("service.update", "service", slug, before, ServiceView.of(service));
        return ServiceView.of(service);
    }

    @Transactional
    public void delete(String slug, Long expectedVersion) {
        Service service = find(slug);
        access.requireTeamWrite(service.team);
        Versions.check("The service", service.version, expectedVersion);
        ServiceView before = ServiceView.of(service);
        service.delete();
        audit.record("service.delete", "service", slug, before, null);
    }

    private Service find(String slug) {
        return Service.findBySlug(slug)
                .orElseThrow(() -> Service.notFound(slug));
    }

    private Team owner(ServiceInput input, InputValidator.Errors errors) {
        if (errors.has("team")) {
            return null;
        }
        return teams.lookup(input.team().trim()).orElseGet(() -> {
            errors.add("team", Team.missing(input.team().trim()));
            return null;
        });
    }

    private static void apply(Service service, ServiceInput input, Team team) {
        service.name = input.name().trim();
        service.description = input.description() == null ? "" : input.description().trim();
        service.team = team;
        service.tier = input.tier();
        service.lifecycle = input.lifecycle() == null ? Lifecycle.PLANNED : input.lifecycle();
        service.repositoryUrl = Text.blankToNull(input.repositoryUrl());
        service.dashboardUrl = Text.blankToNull(input.dashboardUrl());
        service.healthUrl = Text.blankToNull(input.healthUrl());
        service.onCall = Text.blankToNull(input.onCall());
        service.baseUrl = Text.blankToNull(input.baseUrl());
        service.readinessUrl = Text.blankToNull(input.readinessUrl());
        service.metricsUrl = Text.blankToNull(input.metricsUrl());
        service.prometheusUrl = Text.blankToNull(input.prometheusUrl());
        service.runsOn = input.runsOn();
        service.storesData = input.storesData();
        service.publicFacing = input.publicFacing();
        service.personalData = input.personalData();
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
