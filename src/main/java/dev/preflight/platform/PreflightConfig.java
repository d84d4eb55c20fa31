package dev.preflight.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Preflight's own settings; each can also be given as an environment variable (PREFLIGHT_...). */
@ConfigMapping(prefix = "preflight")
public interface PreflightConfig {

    /** Folder for the embedded database and other local files. */
    String dataDir();

    /**
     * Folder where the embedded database's programs are unpacked on the first start;
     * {@code $XDG_CACHE_HOME/preflight} or {@code ~/.cache/preflight} by default.
     */
    Optional<String> cacheDir();

    Database database();

    Auth auth();

    Admin admin();

    Recovery recovery();

    Demo demo();

    Webhooks webhooks();

    /** Automated checks. */
    Checks checks();

    /**
     * Secrets that checks name as {@code ${secret.NAME}}: {@code preflight.check-secrets.NAME}
     * (PREFLIGHT_CHECK_SECRETS_NAME). Declared here so that they are known settings; each is read by
     * its name when a check runs, and never shown.
     */
    Map<String, String> checkSecrets();

    Reminders reminders();

    Mail mail();

    /** Mail: sent only when a sender is set (and the SMTP server with QUARKUS_MAILER_HOST and friends). */
    interface Mail {

        /** The From address of Preflight's mail; no mail is sent without it. */
        Optional<String> from();

        /** The hour (0-23, in the server's time zone) after which each day's digest goes out. */
        @WithDefault("7")
        int digestHour();
    }

    /** This instance's name in the record of scheduled work; the host name and process id by default. */
    Optional<String> instanceName();

    /**
     * The address people reach Preflight at (https://preflight.example.com), for links in webhook
     * deliveries and mail; links are relative without it.
     */
    Optional<String> baseUrl();

    /** Outgoing webhooks. */
    interface Webhooks {

        /**
         * Hosts deliveries may go to: exact names or addresses, {@code *.example.com} for a domain, or
         * {@code *} for any host. An address in a private, loopback or link-local range is allowed only
         * when listed itself.
         * Empty: no webhook can be made.
         */
        Optional<List<String>> allowedHosts();

        /** The wait before the first retry; each further retry waits twice as long. */
        @WithDefault("30S")
        Duration firstRetry();

        /** Attempts before a delivery counts as failed. */
        @WithDefault("8")
        int maxAttempts();

        /** How long one attempt may take to connect and answer. */
        @WithDefault("5S")
        Duration timeout();

        /** How often each instance looks for deliveries that are due (read by the scheduler). */
        @WithDefault("2s")
        Duration poll();
    }

    /** Automated checks of services' production endpoints. */
    interface Checks {

        /**
         * Hosts checks may reach: exact names or addresses, {@code *.example.com} for a domain, or
         * {@code *} for any host. An address in a private, loopback or link-local range is allowed only
         * when listed itself. Empty: no check reaches any host.
         */
        Optional<List<String>> allowedHosts();

        /** Whether repository checks may read file:// repositories on Preflight's own machine. */
        @WithDefault("false")
        boolean localRepositories();

        /** How long one request, TLS handshake or git command of a check may take. */
        @WithDefault("10S")
        Duration timeout();

        /** The most of a response body a check reads; a longer body fails the check. */
        @WithDefault("1048576")
        int maxBodyBytes();

        /** A PEM file of CA certificates trusted besides the Java runtime's own, such as an internal CA. */
        Optional<String> trustStore();

        /** The usual period between two runs of one check. */
        @WithDefault("15M")
        Duration every();

        /** The period of the checks of a kind, by its key ({@code preflight.checks.every-kind.tls=6H}). */
        Map<String, Duration> everyKind();

        /** How many checks may run at once on one instance. */
        @WithDefault("8")
        int concurrency();

        /** For how many days the results of past runs are kept. */
        @WithDefault("30")
        int keepDays();

        /** How often each instance looks for checks that are due. */
        @WithDefault("30S")
        Duration poll();

        /** The longest wait between runs of a check that keeps failing to run. */
        @WithDefault("6H")
        Duration maxBackoff();
    }

    /** Reminders: stale items, ended and ending waivers, overdue launches (read by the scheduler). */
    interface Reminders {

        /** How often one of the instances checks. */
        @WithDefault("5m")
        Duration every();

        /** The wait after start-up before the first check. */
        @WithDefault("30s")
        Duration delay();
    }

    /**
     * Demo data: with a size set, Preflight fills itself at start-up with a sample, but only while
     * its catalog has no services.
     */
    interface Demo {

        /** small (a sample to look around in), m or l (the benchmark's data sets), or a number of services. */
        Optional<String> size();

        /** The seed the data is drawn from: the same seed makes the same data. */
        @WithDefault("20261201")
        long seed();
    }

    /**
     * The recovery objectives each tier starts from (durations such as "4 h" or "15 min") and the
     * cadence of restore tests; the middle tier's 4 h / 1 h and the monthly test are the
     * documents' typical example.
     */
    interface Recovery {

        @WithName("tier-1")
        Objectives tier1();

        @WithName("tier-2")
        Objectives tier2();

        @WithName("tier-3")
        Objectives tier3();

        /** A service whose last successful restore test is older than this many days is overdue. */
        @WithDefault("30")
        int restoreTestEveryDays();

        /**
         * A runbook not exercised (by a drill, a game day, or by hand) for longer than this many days
         * counts as not exercised in the recovery posture; quarterly, like the documents' other
         * quarterly reviews.
         */
        @WithDefault("90")
        int runbookExerciseEveryDays();
    }

    interface Objectives {

        String rto();

        String rpo();
    }

    interface Database {

        /** Run the embedded database in a temporary folder removed at exit (the tests do). */
        @WithDefault("false")
        boolean ephemeral();

        /**
         * How long the embedded database may take to start: unpacking its programs and making the
         * database on a first start, 5 minutes by default.
         */
        Optional<String> startTimeout();

        /**
         * With a PostgreSQL of one's own: the role that owns the schema and runs the migrations,
         * while {@code quarkus.datasource.username} names the role the application serves requests
         * as (it may change rows, not the schema). Without it one role does both.
         */
        Optional<String> migrationUser();

        /** The password of the migration role. */
        Optional<String> migrationPassword();
    }

    interface Auth {

        /** A browser session ends after this long without a request. */
        @WithDefault("2H")
        Duration sessionIdleTimeout();

        /** A browser session ends this long after sign-in, however active. */
        @WithDefault("12H")
        Duration sessionAbsoluteTimeout();

        /** Work factor of the bcrypt password hashes (4 to 31; each step doubles the cost). */
        @WithDefault("12")
        int bcryptCost();

        /** Failed sign-ins allowed per account within the window. */
        Throttle login();

        /** Failed sign-ins allowed per client address within the window (people behind one NAT share it). */
        Throttle loginAddress();

        /** Failed API token attempts allowed per address within the window. */
        Throttle token();

        /**
         * The longest an API token may last, in days from the day it is made; unset, a token may
         * stay valid until revoked.
         */
        Optional<Integer> tokenMaxDays();

        Oidc oidc();
    }

    interface Throttle {

        @WithDefault("5")
        int maxFailures();

        @WithDefault("5M")
        Duration window();
    }

    interface Oidc {

        /** Provider roles (from quarkus.oidc.roles.role-claim-path) that make someone a Preflight viewer, engineer, approver or admin. */
        @WithDefault("preflight-viewer")
        String viewerRole();

        @WithDefault("preflight-engineer")
        String engineerRole();

        @WithDefault("preflight-approver")
        String approverRole();

        @WithDefault("preflight-admin")
        String adminRole();

        /** A claim listing team slugs; when present in a token, team membership follows it. */
        Optional<String> teamsClaim();
    }

    interface Admin {

        /** User name of the first administrator, created on first start in local mode. */
        @WithDefault("admin")
        String username();

        /** Password of the first administrator; generated and written to a file when not given. */
        Optional<String> password();

        /** An API token (pf_...) registered for the first administrator on first start. */
        Optional<String> token();
    }
}
