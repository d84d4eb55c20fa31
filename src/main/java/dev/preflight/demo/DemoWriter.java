package dev.preflight.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.preflight.launch.HistoryAction;
import dev.preflight.launch.ItemStatus;
import dev.preflight.launch.LaunchState;
import dev.preflight.platform.db.Sql;
import dev.preflight.runbook.RunbookSkeleton;
import dev.preflight.template.Evidence;
import dev.preflight.template.Severity;
import dev.preflight.template.SignOff;
import dev.preflight.template.TemplateContent;
import dev.preflight.template.Window;

/**
 * Writes one demo data set on one connection, table by table with COPY. Each launch is drawn from
 * a random source of its own (seeded by its number), so its items and history can be drawn again
 * for each table without keeping a million rows in memory.
 */
final class DemoWriter {

    record Checklist(String slug, long versionId, long templateId, TemplateContent content) {
    }

    record Counts(int teams, int services, int users, int launches, long items, long events, long drills,
            int runbooks) {
    }

    private static final String[] DOMAINS = { "payments", "checkout", "identity", "search", "catalog", "orders",
        "billing", "shipping", "inventory", "pricing", "messaging", "notifications", "profiles", "reviews", "ads",
        "analytics", "reporting", "ledger", "fraud", "onboarding", "support", "media", "maps", "loyalty", "partners",
        "subscriptions", "tax", "returns", "warehouse", "routing", "feeds", "recommendations", "auth", "gateway",
        "storage", "streaming", "scheduling", "compliance", "invoicing", "wallet" };
    private static final String[] SUFFIXES = { "", "platform", "core", "edge", "data", "mobile", "web", "ops",
        "growth", "infra", "apps", "insights", "services", "labs", "tools", "integrations", "foundations", "experience",
        "engine", "cloud", "network", "quality", "security", "delivery", "workflow" };
    private static final String[] COMPONENTS = { "api", "web", "worker", "db-migrator", "gateway", "scheduler",
        "notifier", "importer", "exporter", "search-index", "cache-warmer", "admin", "webhooks", "reconciler",
        "event-relay", "reports", "sync", "billing-adapter", "ml-scorer", "cdn-purger" };
    private static final String[] FIRST = { "ana", "ben", "carla", "dev", "elif", "femi", "greta", "hiro", "ines",
        "jonas", "kira", "liam", "maya", "nils", "olga", "pavel", "quinn", "rosa", "sami", "tara", "ugo", "vera",
        "wen", "xavi", "yara", "zoe", "amir", "bea", "chen", "dara" };
    private static final String[] LAST = { "abe", "banks", "costa", "diaz", "eriksen", "fischer", "garcia", "haas",
        "ito", "jensen", "kowalski", "lopez", "meyer", "nakamura", "okafor", "patel", "quist", "rossi", "silva",
        "tanaka", "umar", "vogel", "wong", "xu", "young", "zhang" };
    private static final String[] ENVIRONMENTS = { "production", "production", "production", "production-eu",
        "production-us" };
    private static final String[] COMMENTS = { "Checked with the on-call, looks fine.", "Waiting for the vendor's answer.",
        "Dashboard link added to the evidence.", "Re-ran the pipeline after the flaky test was fixed.",
        "Discussed in the readiness review; owner agreed.", "Needs another look after the config change.",
        "Pairing on this tomorrow.", "The staging run passed; production next.", "Blocked on the network team's change.",
        "Updated the runbook section this refers to." };

    /** The states of the small sample's running launches, in turn: every state is there. */
    private static final LaunchState[] SAMPLE_STATES = { LaunchState.PREPARING, LaunchState.IN_REVIEW, LaunchState.GO,
        LaunchState.IN_REVIEW, LaunchState.NO_GO, LaunchState.PREPARING };

    private final Connection c;
    private final DemoSize size;
    private final List<Checklist> checklists;
    private final Random random;
    private final long seed;
    private final ObjectMapper json;
    private final LocalDate today;
    private final Instant now;
    private final ZoneId zone;

    private final List<String> teamSlugs = new ArrayList<>();
    private final List<String> teamNames = new ArrayList<>();
    private final List<String> users = new ArrayList<>();
    private final List<String> userRoles = new ArrayList<>();
    private final List<Long> userIds = new ArrayList<>();
    private final List<String> approvers = new ArrayList<>();
    private final List<String> serviceSlugs = new ArrayList<>();
    private final List<Integer> serviceTiers = new ArrayList<>();
    private final List<Integer> serviceTeams = new ArrayList<>();
    private final List<Boolean> serviceSound = new ArrayList<>();
    private long teamBase;
    private long userBase;
    private long serviceBase;
    private long launchBase;
    private long itemBase;
    private long[] itemOffsets;

    DemoWriter(Connection c, DemoSize size, List<Checklist> checklists, Random random, long seed, ObjectMapper json,
            LocalDate today, Instant now, ZoneId zone) {
        this.c = c;
        this.size = size;
        this.checklists = checklists;
        this.random = random;
        this.seed = seed;
        this.json = json;
        this.today = today;
        this.now = now;
        this.zone = zone;
    }

    Counts write() throws SQLException {
        Sql.update(c, "SET LOCAL preflight.quiet = 'on'");
        teams();
        users();
        services();
        long drills = recovery();
        int runbooks = runbooks();
        int launches = size.running() + size.finished();
        launchBase = reserve("launch_seq", launches);
        itemOffsets = new long[launches + 1];
        for (int k = 0; k < launches; k++) {
            itemOffsets[k + 1] = itemOffsets[k] + plan(k).items.size();
        }
        itemBase = reserve("launch_item_seq", itemOffsets[launches]);
        launches(launches);
        items(launches);
        long events = events(launches);
        audit(launches);
        Sql.update(c, "UPDATE service_posture SET computed_at = NULL");
        return new Counts(size.teams(), size.services(), users.size(), launches, itemOffsets[launches], events, drills,
                runbooks);
    }

    /** Takes ids for {@code count} rows from a sequence and moves it past them. */
    private long reserve(String sequence, long count) throws SQLException {
        long base = Sql.first(c, "SELECT nextval('" + sequence + "')", r -> r.getLong(1));
        Sql.first(c, "SELECT setval('" + sequence + "', ?)", r -> r.getLong(1), base + count + 1);
        return base;
    }

    private void teams() throws SQLException {
        teamBase = reserve("team_seq", size.teams());
        try (CopyRows rows = new CopyRows(c, "team", "id, slug, name, created_at, updated_at")) {
            for (int t = 0; t < size.teams(); t++) {
                String domain = DOMAINS[t % DOMAINS.length];
                String suffix = SUFFIXES[(t / DOMAINS.length) % SUFFIXES.length];
                int round = t / (DOMAINS.length * SUFFIXES.length);
                String slug = domain + (suffix.isEmpty() ? "" : "-" + suffix) + (round > 0 ? "-" + round : "");
                String name = capital(domain) + (suffix.isEmpty() ? "" : " " + capital(suffix))
                        + (round > 0 ? " " + round : "");
                teamSlugs.add(slug);
                teamNames.add(name);
                Instant created = now.minus(Duration.ofDays(200 + random.nextInt(400)));
                rows.row(teamBase + t, slug, name, created, created);
            }
        }
    }

    private void users() throws SQLException {
        int approverCount = size.teams() / 10 + 2;
        int viewerCount = size.teams() / 5 + 1;
        int total = size.teams() * 3 + approverCount + viewerCount;
        userBase = reserve("app_user_seq", total);
        try (CopyRows rows = new CopyRows(c, "app_user", "id, username, display_name, email, role, created_at, updated_at")) {
            for (int u = 0; u < total; u++) {
                String role = u < size.teams() * 3 ? "ENGINEER" : u < size.teams() * 3 + approverCount ? "APPROVER"
                        : "VIEWER";
                String first = FIRST[u % FIRST.length];
                String last = LAST[(u / FIRST.length) % LAST.length];
                int round = u / (FIRST.length * LAST.length);
                String username = first + "." + last + (round > 0 ? round : "");
                users.add(username);
                userRoles.add(role);
                userIds.add(userBase + u);
                if (role.equals("APPROVER")) {
                    approvers.add(username);
                }
                Instant created = now.minus(Duration.ofDays(100 + random.nextInt(300)));
                rows.row(userBase + u, username, capital(first) + " " + capital(last) + (round > 0 ? " " + round : ""),
                        username + "@example.com", role, created, created);
            }
        }
        try (CopyRows rows = new CopyRows(c, "team_member", "team_id, user_id")) {
            for (int t = 0; t < size.teams(); t++) {
                for (int i = 0; i < 3; i++) {
                    rows.row(teamBase + t, userBase + t * 3L + i);
                }
            }
        }
    }

    private void services() throws SQLException {
        serviceBase = reserve("service_seq", size.services());
        try (CopyRows rows = new CopyRows(c, "service", "id, slug, name, description, team_id, tier, lifecycle, "
                + "repository_url, dashboard_url, health_url, on_call, created_at, updated_at")) {
            for (int s = 0; s < size.services(); s++) {
                int team = s % size.teams();
                int component = s / size.teams();
                String slug = teamSlugs.get(team) + "-" + COMPONENTS[component % COMPONENTS.length]
                        + (component >= COMPONENTS.length ? "-" + component / COMPONENTS.length : "");
                int tier = s % 10 < 2 ? 1 : s % 10 < 7 ? 2 : 3;
                String lifecycle = s >= size.running() && s % 3 == 0 ? "RETIRED"
                        : s % 10 < 4 ? "PRODUCTION" : s % 10 < 9 ? "LAUNCHING" : "PLANNED";
                String name = capital(teamSlugs.get(team).replace('-', ' ')) + " "
                        + COMPONENTS[component % COMPONENTS.length].replace('-', ' ')
                        + (component >= COMPONENTS.length ? " " + component / COMPONENTS.length : "");
                serviceSlugs.add(slug);
                serviceTiers.add(tier);
                serviceTeams.add(team);
                Instant created = now.minus(Duration.ofDays(60 + random.nextInt(300)));
                rows.row(serviceBase + s, slug, name, "The " + name + " of the " + teamNames.get(team) + " team.",
                        teamBase + team, tier, lifecycle, "https://git.example.com/" + teamSlugs.get(team) + "/" + slug,
                        "https://grafana.example.com/d/" + slug, "https://" + slug + ".example.com/health",
                        "#" + teamSlugs.get(team) + "-oncall", created, created);
            }
        }
    }

    /** Recovery targets and drills: most services sound, some with gaps the posture shows. */
    private long recovery() throws SQLException {
        List<Object[]> drills = new ArrayList<>();
        try (CopyRows plans = new CopyRows(c, "recovery_plan", "service_id, targets, updated_by, created_at, updated_at")) {
            for (int s = 0; s < size.services(); s++) {
                Random r = source(s, 7);
                boolean decided = s < size.running() && stateOf(s).ordinal() >= LaunchState.GO.ordinal();
                int kind = decided || serviceTiers.get(s) == 1 ? 9 : size.builtins() ? s % 10 : r.nextInt(10);
                boolean sound = kind >= 5;
                serviceSound.add(sound);
                int[] objectives = switch (serviceTiers.get(s)) {
                    case 1 -> new int[] { 60, 15 };
                    case 2 -> new int[] { 240, 60 };
                    default -> new int[] { 1440, 1440 };
                };
                String engineer = users.get(serviceTeams.get(s) * 3);
                if (kind >= 2) {
                    boolean consistent = kind != 2;
                    Map<String, Object> target = new LinkedHashMap<>();
                    target.put("dataStore", "");
                    target.put("rtoMinutes", objectives[0]);
                    target.put("rpoMinutes", objectives[1]);
                    target.put("backupIntervalMinutes", consistent ? Math.min(objectives[1], 60) : 1440);
                    target.put("retentionDays", consistent ? 30 + 30 * r.nextInt(3) : 14);
                    target.put("pointInTime", consistent && objectives[1] < 60);
                    target.put("separateLocation", true);
                    Instant at = now.minus(Duration.ofDays(20 + r.nextInt(200)));
                    plans.row(serviceBase + s, toJson(List.of(target)), engineer, at, at);
                }
                if (kind >= 3) {
                    int months = 2 + r.nextInt(6);
                    int lastAgo = kind == 3 ? 40 + r.nextInt(80) : 2 + r.nextInt(20);
                    for (int m = months - 1; m >= 0; m--) {
                        boolean latest = m == 0;
                        boolean failed = kind == 4 && latest;
                        LocalDate on = today.minusDays(lastAgo + m * 30L);
                        int minutes = failed ? objectives[0] * 2 : Math.max(5, objectives[0] / 2 + r.nextInt(objectives[0] / 3 + 1));
                        drills.add(new Object[] { serviceBase + s, "RESTORE_TEST", on, minutes,
                            r.nextInt(Math.max(1, objectives[1])), failed ? "FAILED" : "SUCCESS",
                            failed ? "The restore stopped on a missing encryption key." : "Restored the nightly backup into a scratch environment and ran the checks.",
                            "https://ci.example.com/" + serviceSlugs.get(s) + "/restore/" + (months - m), engineer,
                            objectives[0], objectives[1] });
                    }
                    if (r.nextInt(3) == 0) {
                        drills.add(new Object[] { serviceBase + s, "FAILOVER", today.minusDays(10 + r.nextInt(60)),
                            objectives[0] / 3 + 1, 0, "SUCCESS", "Failed over to the second region and back.", null,
                            engineer, objectives[0], objectives[1] });
                    }
                }
            }
        }
        long drillBase = reserve("recovery_drill_seq", drills.size());
        try (CopyRows rows = new CopyRows(c, "recovery_drill", "id, service_id, kind, performed_on, recovery_minutes, "
                + "data_loss_minutes, outcome, notes, evidence_link, recorded_by, target_rto_minutes, target_rpo_minutes, "
                + "created_at, updated_at")) {
            for (int d = 0; d < drills.size(); d++) {
                Object[] drill = drills.get(d);
                Instant at = ((LocalDate) drill[2]).atStartOfDay(zone).plus(Duration.ofHours(15)).toInstant();
                rows.row(drillBase + d, drill[0], drill[1], drill[2], drill[3], drill[4], drill[5], drill[6], drill[7],
                        drill[8], drill[9], drill[10], at, at);
            }
        }
        return drills.size();
    }

    private int runbooks() throws SQLException {
        int written = 0;
        List<Object[]> revisions = new ArrayList<>();
        try (CopyRows rows = new CopyRows(c, "runbook", "service_id, content, last_exercised, updated_by, revision, "
                + "created_at, updated_at")) {
            for (int s = 0; s < size.services(); s++) {
                Random r = source(s, 11);
                int kind = serviceSound.get(s) ? 5 + r.nextInt(5) : size.builtins() ? s * 7 % 10 : r.nextInt(10);
                if (kind < 3) {
                    continue;
                }
                boolean complete = kind >= 5;
                String name = serviceSlugs.get(s);
                String engineer = users.get(serviceTeams.get(s) * 3 + 1);
                String content = runbook(name, complete);
                int count = 1 + r.nextInt(3);
                LocalDate exercised = kind >= 7 ? today.minusDays(r.nextInt(80)) : kind >= 5 ? today.minusDays(100 + r.nextInt(200)) : null;
                Instant at = now.minus(Duration.ofDays(5 + r.nextInt(90)));
                rows.row(serviceBase + s, content, exercised, engineer, count, at.minus(Duration.ofDays(30L * count)), at);
                for (int n = 1; n <= count; n++) {
                    revisions.add(new Object[] { serviceBase + s, n, n == count ? content : runbook(name, false),
                        n == 1 ? "First draft from the skeleton" : "Filled in after the readiness review", engineer,
                        at.minus(Duration.ofDays(30L * (count - n))) });
                }
                written++;
            }
        }
        try (CopyRows rows = new CopyRows(c, "runbook_revision", "service_id, number, content, note, author, created_at")) {
            for (Object[] revision : revisions) {
                rows.row(revision);
            }
        }
        return written;
    }

    private static String runbook(String service, boolean complete) {
        String text = RunbookSkeleton.skeleton(service);
        String[][] filled = { { "_What the service does, and for whom._", "Serves " + service + " to the web and mobile apps." },
            { "_What it needs to run: databases, queues, other services, third parties._", "PostgreSQL (primary and replica), the event bus, the identity service." },
            { "_The owning team and how to reach it._", "The owning team; page through the on-call rota." },
            { "_Where it runs: production, staging, admin consoles._", "https://" + service + ".example.com, staging at https://" + service + ".staging.example.com" },
            { "_Where its logs are and how to search them._", "Central logging, index `" + service + "-*`." },
            { "_Its dashboards and the numbers that matter._", "Grafana board `" + service + "`: error rate, p95 latency, saturation." } };
        String[][] rest = { { "_What people or alerts notice when it goes wrong._", "Error rate over 5 %, alerts firing, p95 over 2 s." },
            { "_How to find the cause: commands, queries, dashboards._", "Check the latest deployment, then dependency health, then slow queries." },
            { "_What fixes each known issue, step by step._", "Roll back a bad deployment; fail over the database; scale out." },
            { "_Routine work: restarts, scaling, certificate renewal, restores._", "Certificates renew automatically; restores follow the monthly test." },
            { "_How to roll a release back, and how to tell it worked._", "Redeploy the previous tag; the error rate falls within five minutes." },
            { "_Who to call when the steps above do not help, in order._", "On-call engineer, then the team lead, then the incident commander." } };
        for (String[] pair : filled) {
            text = text.replace(pair[0], pair[1]);
        }
        if (complete) {
            for (String[] pair : rest) {
                text = text.replace(pair[0], pair[1]);
            }
        }
        return text;
    }

    /** The state of running launch {@code k}, drawn on its own so recovery data can follow it. */
    private LaunchState stateOf(int k) {
        if (size.builtins()) {
            return k >= size.running() ? (k % 2 == 0 ? LaunchState.LAUNCHED : LaunchState.CANCELLED)
                    : SAMPLE_STATES[k % SAMPLE_STATES.length];
        }
        if (k >= size.running()) {
            return source(k, 3).nextInt(4) == 0 ? LaunchState.CANCELLED : LaunchState.LAUNCHED;
        }
        int n = source(k, 3).nextInt(100);
        return n < 25 ? LaunchState.PREPARING : n < 68 ? LaunchState.IN_REVIEW : n < 86 ? LaunchState.GO
                : LaunchState.NO_GO;
    }

    /**
     * The random source of one thing (a launch, a service) and one purpose. Seeds are mixed
     * (SplitMix64's finaliser): java.util.Random's first numbers for nearby seeds are alike.
     */
    private Random source(long index, int stream) {
        long z = seed + index * 0x9E3779B97F4A7C15L + stream * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }

    /** One item of a drawn launch, and what was recorded for it. */
    private static final class ItemPlan {
        TemplateContent.Section section;
        TemplateContent.Item item;
        int position;
        ItemStatus status = ItemStatus.OPEN;
        String link;
        String note;
        String reason;
        Integer assignee;
        LocalDate due;
        String doneBy;
        Instant doneAt;
        String signedBy;
        Instant signedAt;
        LocalDate waiverExpires;
        String waivedBy;
        Instant waivedAt;
        Instant blockedAt;
        boolean reopenedOnce;
        boolean viaToken;
    }

    /** One launch as drawn: the same every time it is drawn. */
    private static final class LaunchPlan {
        int service;
        Checklist checklist;
        LaunchState state;
        LocalDate target;
        Instant created;
        String creator;
        String decider;
        Instant decidedAt;
        Instant reviewAt;
        final List<ItemPlan> items = new ArrayList<>();
    }

    private LaunchPlan plan(int k) {
        Random r = source(k, 5);
        LaunchPlan plan = new LaunchPlan();
        plan.state = stateOf(k);
        boolean running = k < size.running();
        plan.service = running ? k : (int) ((k - size.running()) * 7L % size.services());
        plan.checklist = checklists.get(size.builtins() ? k % checklists.size() : 0);
        int team = serviceTeams.get(plan.service);
        int tier = serviceTiers.get(plan.service);
        plan.target = running ? today.plusDays(-12 + r.nextInt(133)) : today.minusDays(1 + r.nextInt(60));
        if (plan.state == LaunchState.GO && plan.target.isBefore(today)) {
            plan.target = today.plusDays(r.nextInt(10));
        }
        long span = 30 + r.nextInt(60);
        Instant created = plan.target.minusDays(span).atStartOfDay(zone).plus(Duration.ofHours(9)).toInstant();
        plan.created = created.isAfter(now.minus(Duration.ofDays(3))) ? now.minus(Duration.ofDays(3 + r.nextInt(20)))
                : created;
        plan.creator = users.get(team * 3 + r.nextInt(3));
        plan.decider = approvers.get(r.nextInt(approvers.size()));
        plan.reviewAt = between(r, plan.created, now);
        plan.decidedAt = between(r, plan.reviewAt, now);
        double progress = switch (plan.state) {
            case PREPARING -> 0.05 + r.nextDouble() * 0.4;
            case IN_REVIEW -> 0.4 + r.nextDouble() * 0.5;
            case NO_GO -> 0.5 + r.nextDouble() * 0.35;
            case CANCELLED -> 0.1 + r.nextDouble() * 0.5;
            case GO, LAUNCHED, CLOSED -> 1.0;
        };
        boolean complete = plan.state == LaunchState.GO || plan.state == LaunchState.LAUNCHED;
        int position = 0;
        for (TemplateContent.Section section : plan.checklist.content().sections()) {
            for (TemplateContent.Item item : section.items()) {
                if (!item.appliesTo(tier)) {
                    continue;
                }
                ItemPlan i = new ItemPlan();
                i.section = section;
                i.item = item;
                i.position = position++;
                draw(r, plan, i, team, complete, progress);
                plan.items.add(i);
            }
        }
        return plan;
    }

    private void draw(Random r, LaunchPlan plan, ItemPlan i, int team, boolean complete, double progress) {
        String engineer = users.get(team * 3 + r.nextInt(3));
        String approver = approvers.get(r.nextInt(approvers.size()));
        if (r.nextInt(10) < 4) {
            i.assignee = team * 3 + r.nextInt(3);
        }
        if (r.nextInt(4) == 0) {
            long window = Math.max(1, ChronoUnit.DAYS.between(LocalDate.ofInstant(plan.created, zone), plan.target));
            i.due = LocalDate.ofInstant(plan.created, zone).plusDays(7 + r.nextInt((int) window + 1));
        }
        if (i.item.satisfiedBy() != null) {
            if (i.item.role() == SignOff.APPROVER && serviceSound.get(plan.service) && (complete || r.nextBoolean())) {
                i.signedBy = approver;
                i.signedAt = between(r, plan.created, now);
            }
            return;
        }
        boolean required = i.item.severity() != Severity.MINOR;
        boolean resolve = complete ? required || r.nextInt(10) < 7 : r.nextDouble() < progress;
        if (plan.state == LaunchState.NO_GO && i.item.severity() == Severity.BLOCKER && r.nextInt(3) == 0) {
            resolve = false;
        }
        if (!resolve) {
            if (r.nextInt(10) == 0) {
                i.status = ItemStatus.BLOCKED;
                i.reason = "Waiting on the platform team's change to the shared load balancer.";
                i.blockedAt = between(r, plan.created, now);
            } else if (r.nextInt(12) == 0) {
                done(r, plan, i, engineer, null, true);
            }
            return;
        }
        int kind = r.nextInt(100);
        if (kind < 82 || (complete && i.item.severity() == Severity.BLOCKER)) {
            done(r, plan, i, engineer, i.item.role() == SignOff.APPROVER && (complete || r.nextInt(100) < 85) ? approver : null,
                    false);
            i.reopenedOnce = r.nextInt(10) == 0;
        } else if (kind < 94) {
            i.status = ItemStatus.NOT_APPLICABLE;
            i.reason = "Not used by this service: it keeps no data of its own here.";
            i.doneBy = i.item.role() == SignOff.APPROVER ? approver : engineer;
            i.doneAt = between(r, plan.created, now);
        } else {
            i.status = ItemStatus.WAIVED;
            i.reason = "Accepted for the first release; the fix is planned for the next quarter.";
            i.waivedBy = approver;
            i.waivedAt = between(r, plan.created, now);
            i.waiverExpires = complete || r.nextInt(10) > 0 ? today.plusDays(10 + r.nextInt(80)) : today.minusDays(1 + r.nextInt(10));
        }
    }

    private void done(Random r, LaunchPlan plan, ItemPlan i, String engineer, String approver, boolean staleOrWaiting) {
        i.status = ItemStatus.DONE;
        i.doneBy = engineer;
        Integer every = i.item.recurrenceDays();
        Instant earliest = plan.created;
        if (every != null) {
            Instant window = now.minus(Duration.ofDays(every));
            earliest = staleOrWaiting ? now.minus(Duration.ofDays(every + 1L + r.nextInt(20)))
                    : window.isAfter(earliest) ? window : earliest;
        }
        i.doneAt = staleOrWaiting && every != null ? earliest : between(r, earliest, now);
        i.viaToken = r.nextInt(10) < 3;
        if (i.item.evidence() == Evidence.LINK || r.nextInt(10) < 3) {
            i.link = "https://ci.example.com/" + serviceSlugs.get(plan.service) + "/runs/" + (1000 + r.nextInt(9000));
        }
        if (i.item.evidence() == Evidence.NOTE) {
            i.note = "Checked in the readiness review on " + LocalDate.ofInstant(i.doneAt, zone) + ".";
        }
        if (approver != null && !staleOrWaiting) {
            i.signedBy = approver;
            i.signedAt = between(r, i.doneAt, now);
        }
    }

    private static Instant between(Random r, Instant from, Instant to) {
        long span = Math.max(1, to.getEpochSecond() - from.getEpochSecond());
        return from.plusSeconds((long) (r.nextDouble() * span));
    }

    private void launches(int count) throws SQLException {
        try (CopyRows rows = new CopyRows(c, "launch", "id, service_id, template_version_id, name, environment, "
                + "target_date, state, created_by, decision, decided_by, decided_at, decision_rationale, "
                + "decision_conditions, decision_resolved, launched_at, created_at, updated_at")) {
            for (int k = 0; k < count; k++) {
                LaunchPlan plan = plan(k);
                boolean decided = plan.state == LaunchState.GO || plan.state == LaunchState.NO_GO
                        || plan.state == LaunchState.LAUNCHED;
                LaunchState decision = plan.state == LaunchState.NO_GO ? LaunchState.NO_GO : decided ? LaunchState.GO : null;
                String resolved = null;
                if (decision == LaunchState.GO) {
                    List<String> keys = plan.items.stream().filter(i -> i.item.severity() != Severity.MINOR
                            && i.item.satisfiedBy() == null && i.status != ItemStatus.OPEN
                            && i.status != ItemStatus.BLOCKED).map(i -> i.item.key()).toList();
                    resolved = toJson(keys);
                }
                rows.row(launchBase + k, serviceBase + plan.service, plan.checklist.versionId(),
                        capital(serviceSlugs.get(plan.service).replace('-', ' ')) + " " + (k < size.running()
                                ? "general availability" : "v" + (1 + k % 4) + " launch"),
                        ENVIRONMENTS[k % ENVIRONMENTS.length], plan.target, plan.state, plan.creator, decision,
                        decided ? plan.decider : null, decided ? plan.decidedAt : null,
                        decided ? (decision == LaunchState.GO ? "Everything required is resolved; waivers are owned."
                                : "Two blockers are still open; we review again next week.") : null,
                        decision == LaunchState.GO && k % 3 == 0 ? "Watch the error rate for the first 24 hours." : null,
                        resolved, launchedAt(plan), plan.created, decided ? plan.decidedAt : plan.reviewAt);
            }
        }
    }

    private void items(int count) throws SQLException {
        try (CopyRows rows = new CopyRows(c, "launch_item", "id, launch_id, key, position, section_key, section_title, "
                + "title, guidance, severity, sign_off, evidence, recurrence_days, satisfied_by, status, evidence_link, "
                + "evidence_note, reason, assignee_id, due_date, done_by, done_at, signed_off_by, signed_off_at, "
                + "waiver_reason, waiver_risk_owner, waiver_control, waiver_expires, waived_by, waived_at, phase, "
                + "phase_window, due_at, created_at, updated_at, version")) {
            for (int k = 0; k < count; k++) {
                LaunchPlan plan = plan(k);
                for (ItemPlan i : plan.items) {
                    boolean waived = i.status == ItemStatus.WAIVED;
                    boolean reasoned = i.status == ItemStatus.NOT_APPLICABLE || i.status == ItemStatus.BLOCKED;
                    Instant updated = latest(plan.created, i.doneAt, i.signedAt, i.waivedAt);
                    rows.row(itemBase + itemOffsets[k] + i.position, launchBase + k, i.item.key(), i.position,
                            i.section.key(), i.section.title(), i.item.title(),
                            i.item.guidance() == null ? "" : i.item.guidance(), i.item.severity(), i.item.role(),
                            i.item.evidence(), i.item.recurrenceDays(), i.item.satisfiedBy(), i.status, i.link, i.note,
                            reasoned ? i.reason : null, i.assignee == null ? null : userIds.get(i.assignee), i.due,
                            i.status == ItemStatus.DONE ? i.doneBy : null, i.status == ItemStatus.DONE ? i.doneAt : null,
                            i.signedBy, i.signedAt, waived ? i.reason : null,
                            waived ? "Head of " + teamNames.get(serviceTeams.get(plan.service)) : null,
                            waived ? "Extra alerting and a manual check in every release." : null,
                            waived ? i.waiverExpires : null, waived ? i.waivedBy : null, waived ? i.waivedAt : null,
                            i.item.phase(), i.item.window(), dueAt(plan, i.item), plan.created, updated == null ? plan.created : updated, 1 + eventsOf(k, plan, i).size());
                }
            }
        }
    }

    /** When a launched demo launch went live: twenty hours after its go. */
    private static Instant launchedAt(LaunchPlan plan) {
        return plan.state == LaunchState.LAUNCHED ? plan.decidedAt.plus(Duration.ofHours(20)) : null;
    }

    private static Instant dueAt(LaunchPlan plan, TemplateContent.Item item) {
        Duration window = Window.parse(item.window());
        Instant launched = launchedAt(plan);
        return window == null || launched == null ? null : launched.plus(window);
    }

    private static Instant latest(Instant... values) {
        Instant latest = null;
        for (Instant value : values) {
            if (value != null && (latest == null || value.isAfter(latest))) {
                latest = value;
            }
        }
        return latest;
    }

    /** One history event, before it is written. */
    private record Event(Long itemId, Instant at, String actor, String role, String via, String action, String from,
            String to, String link, String note, String comment, String details) {
    }

    /** The events that made an item what it is (without the comments added afterwards). */
    private List<Event> eventsOf(int k, LaunchPlan plan, ItemPlan i) {
        long id = itemBase + itemOffsets[k] + i.position;
        List<Event> events = new ArrayList<>();
        Instant first = plan.created.plus(Duration.ofHours(1 + i.position % 48));
        if (i.assignee != null) {
            events.add(new Event(id, first, plan.creator, "engineer", "web", HistoryAction.ASSIGNED.key(), null, null, null, null, null,
                    "{\"assignee\": {\"from\": null, \"to\": \"" + users.get(i.assignee) + "\"}}"));
        }
        if (i.due != null) {
            events.add(new Event(id, first.plusSeconds(60), plan.creator, "engineer", "web", HistoryAction.DUE_DATE_SET.key(), null, null,
                    null, null, null, "{\"dueDate\": {\"from\": null, \"to\": \"" + i.due + "\"}}"));
        }
        String via = i.viaToken ? "token:release-pipeline" : "web";
        switch (i.status) {
            case DONE -> {
                if (i.reopenedOnce) {
                    Instant earlier = i.doneAt.minus(Duration.ofDays(2));
                    events.add(new Event(id, earlier, i.doneBy, "engineer", via, HistoryAction.DONE.key(), "open", "done", i.link, i.note,
                            null, null));
                    events.add(new Event(id, earlier.plus(Duration.ofDays(1)), i.doneBy, "engineer", "web", HistoryAction.REOPENED.key(),
                            "done", "open", null, null, "The check ran against staging, not production.", null));
                }
                events.add(new Event(id, i.doneAt, i.doneBy, "engineer", via, HistoryAction.DONE.key(), "open", "done", i.link, i.note,
                        null, null));
            }
            case NOT_APPLICABLE -> events.add(new Event(id, i.doneAt, i.doneBy,
                    approvers.contains(i.doneBy) ? "approver" : "engineer", "web", HistoryAction.NOT_APPLICABLE.key(), "open",
                    "not_applicable", null, null, null, "{\"reason\": \"" + i.reason + "\"}"));
            case BLOCKED -> events.add(new Event(id, i.blockedAt, plan.creator, "engineer", "web",
                    HistoryAction.BLOCKED.key(), "open", "blocked", null, null, null, "{\"reason\": \"" + i.reason + "\"}"));
            case WAIVED -> events.add(new Event(id, i.waivedAt, i.waivedBy, "approver", "web", HistoryAction.WAIVED.key(), "open", "waived",
                    null, null, null, "{\"waiver\": {\"expiresOn\": \"" + i.waiverExpires + "\"}}"));
            case OPEN -> {
                // nothing recorded yet
            }
        }
        if (i.signedBy != null) {
            events.add(new Event(id, i.signedAt, i.signedBy, "approver", "web", HistoryAction.SIGNED_OFF.key(), null, null, null, null,
                    null, null));
        }
        return events;
    }

    private long events(int count) throws SQLException {
        long written = 0;
        try (CopyRows rows = new CopyRows(c, "launch_event", "launch_id, item_id, occurred_at, actor, actor_role, via, "
                + "action, from_status, to_status, evidence_link, evidence_note, comment, details")) {
            for (int k = 0; k < count; k++) {
                LaunchPlan plan = plan(k);
                Random r = source(k, 13);
                List<Event> events = new ArrayList<>();
                events.add(new Event(null, plan.created, plan.creator, "engineer", "web", HistoryAction.OPENED.key(), null, "preparing",
                        null, null, null, "{\"template\": \"" + plan.checklist.slug() + "\", \"items\": "
                                + plan.items.size() + "}"));
                for (ItemPlan i : plan.items) {
                    events.addAll(eventsOf(k, plan, i));
                }
                stateEvents(plan, events);
                int budget = size.eventsPerLaunch() > 0 ? size.eventsPerLaunch() : plan.items.size() * 3;
                while (events.size() < budget && !plan.items.isEmpty()) {
                    ItemPlan i = plan.items.get(r.nextInt(plan.items.size()));
                    String who = users.get(serviceTeams.get(plan.service) * 3 + r.nextInt(3));
                    events.add(new Event(itemBase + itemOffsets[k] + i.position, between(r, plan.created, now), who,
                            "engineer", "web", HistoryAction.COMMENTED.key(), null, null, null, null, COMMENTS[r.nextInt(COMMENTS.length)],
                            null));
                }
                events.sort(Comparator.comparing(Event::at));
                for (Event e : events) {
                    rows.row(launchBase + k, e.itemId(), e.at(), e.actor(), e.role(), e.via(), e.action(), e.from(),
                            e.to(), e.link(), e.note(), e.comment(), e.details());
                }
                written += events.size();
            }
        }
        return written;
    }

    private static void stateEvents(LaunchPlan plan, List<Event> events) {
        if (plan.state == LaunchState.PREPARING) {
            return;
        }
        if (plan.state == LaunchState.CANCELLED) {
            events.add(new Event(null, plan.reviewAt, plan.creator, "engineer", "web", HistoryAction.STATE_CHANGED.key(), "preparing",
                    "cancelled", null, null, "The launch was folded into the platform migration.", null));
            return;
        }
        events.add(new Event(null, plan.reviewAt, plan.creator, "engineer", "web", HistoryAction.STATE_CHANGED.key(), "preparing",
                "in_review", null, null, null, null));
        if (plan.state == LaunchState.IN_REVIEW) {
            return;
        }
        boolean go = plan.state != LaunchState.NO_GO;
        events.add(new Event(null, plan.decidedAt, plan.decider, "approver", "web", HistoryAction.DECIDED.key(), "in_review",
                go ? "go" : "no_go", null, null, go ? "Everything required is resolved; waivers are owned."
                        : "Two blockers are still open; we review again next week.",
                "{\"decision\": \"" + (go ? "go" : "no_go") + "\"}"));
        if (plan.state == LaunchState.LAUNCHED) {
            events.add(new Event(null, launchedAt(plan), plan.creator, "engineer",
                    "token:deploy-pipeline", HistoryAction.STATE_CHANGED.key(), "go", "launched", null, null, null, null));
        }
    }

    private void audit(int launches) throws SQLException {
        try (CopyRows rows = new CopyRows(c, "audit_event", "occurred_at, actor, via, action, target_type, target_id, after")) {
            for (int t = 0; t < size.teams(); t++) {
                rows.row(now, "demo", "system", "team.create", "team", teamSlugs.get(t),
                        "{\"slug\": \"" + teamSlugs.get(t) + "\"}");
            }
            for (int s = 0; s < size.services(); s++) {
                rows.row(now, "demo", "system", "service.create", "service", serviceSlugs.get(s),
                        "{\"slug\": \"" + serviceSlugs.get(s) + "\"}");
            }
            for (int k = 0; k < launches; k++) {
                rows.row(now, "demo", "system", "launch.open", "launch", String.valueOf(launchBase + k), null);
            }
            rows.row(now, "demo", "system", "demo.generate", "demo", size.name(),
                    "{\"teams\": " + size.teams() + ", \"services\": " + size.services() + ", \"launches\": " + launches
                            + "}");
        }
    }

    /**
     * The weeks behind the trends, after the launches were counted: each running launch's progress
     * rising to where it is now, and the sums per team and overall, for the last eight weeks.
     */
    static void history(Connection c, LocalDate today) throws SQLException {
        LocalDate since = today.minusDays(56);
        Sql.update(c, "DELETE FROM launch_progress_day WHERE day >= ?", since);
        Sql.update(c, "DELETE FROM team_readiness_day WHERE day >= ?", since);
        Sql.update(c, "DELETE FROM readiness_day WHERE day >= ?", since);
        Sql.update(c, """
                INSERT INTO launch_progress_day (launch_id, day, required, resolved)
                SELECT s.launch_id, d::date, s.required,
                    LEAST(s.resolved, floor(s.resolved * power((d::date - l.created_at::date + 1)::numeric
                        / GREATEST(1, ?::date - l.created_at::date + 1), 1.4))::int)
                FROM launch_summary s JOIN launch l ON l.id = s.launch_id
                CROSS JOIN LATERAL generate_series(GREATEST(l.created_at::date, ?::date)::timestamp, ?::date::timestamp,
                    interval '1 day') d
                WHERE s.active""", today, since, today);
        Sql.update(c, """
                INSERT INTO team_readiness_day (day, team_id, launches, percent_sum, open_blockers)
                SELECT p.day, s.team_id, count(*),
                    sum(CASE WHEN p.required = 0 THEN 100 ELSE 100 * p.resolved / p.required END),
                    sum(s.open_blockers + (s.resolved - p.resolved) / 5)
                FROM launch_progress_day p JOIN launch_summary s ON s.launch_id = p.launch_id
                WHERE p.day >= ? GROUP BY p.day, s.team_id""", since);
        Sql.update(c, """
                INSERT INTO readiness_day (day, launches, percent_sum, open_blockers)
                SELECT day, sum(launches), sum(percent_sum), sum(open_blockers) FROM team_readiness_day
                WHERE day >= ? GROUP BY day""", since);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String capital(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
