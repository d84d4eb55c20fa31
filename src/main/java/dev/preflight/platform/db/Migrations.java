package dev.preflight.platform.db;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.postgresql.ds.PGSimpleDataSource;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.runtime.PreventFurtherStepsException;

/**
 * How Flyway migrates Preflight's schema at start, and as whom.
 * <p>
 * <b>Two roles.</b> Migrations run as the role that owns the schema; the application serves
 * requests as another role, which {@link RuntimeGrants} allows to read and write rows after every
 * migration, and which therefore cannot change the schema or turn off a trigger (the audit log's
 * append-only one above all). The embedded PostgreSQL has both roles of its own. With a server of
 * one's own, {@code PREFLIGHT_DATABASE_MIGRATION_USER} and {@code PREFLIGHT_DATABASE_MIGRATION_PASSWORD}
 * name the owner and {@code QUARKUS_DATASOURCE_USERNAME} the application's role; without them one
 * role does both, as before.
 * <p>
 * <b>The embedded database starts here</b>, when Preflight uses it, before anything asks the pool
 * for a connection: Flyway is the first to need one, and asks this customizer first. Unpacking the
 * programs and making the database on a first start may take minutes on a busy machine; they get
 * their own limit ({@code PREFLIGHT_DATABASE_START_TIMEOUT}) instead of the pool's acquisition
 * timeout, which stays short for ordinary work. When the database cannot start, Preflight stops
 * with one line saying why and what to do.
 * <p>
 * <b>A session lock.</b> Flyway takes a session lock instead of its default transactional one, on
 * every database: with the transactional lock it records applied migrations on a second connection
 * whose transaction commits only after all of them, so a process killed between a committed
 * migration and that commit left tables that the history did not list, and every later start
 * failed on them. With a session lock each migration and its history row commit together.
 */
@Singleton
public class Migrations implements FlywayConfigurationCustomizer {

    private static final String MIGRATION_USER = "preflight.database.migration-user";
    private static final String MIGRATION_PASSWORD = "preflight.database.migration-password";
    private static final String DRIVER_SETTINGS = "quarkus.datasource.jdbc.additional-jdbc-properties.";

    private final Config config;

    Migrations(Config config) {
        this.config = config;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.getPluginRegister().getExact(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        if (url.startsWith(EmbeddedDatabaseDriver.URL)) {
            EmbeddedDatabase database;
            try {
                database = EmbeddedDatabase.start(EmbeddedDatabase.Options.from(config));
            } catch (EmbeddedDatabaseException e) {
                throw new PreventFurtherStepsException(e.getMessage(), 1);
            }
            configuration.dataSource(asOwner(database.jdbcUrl(), new Role(database.username(), database.password())));
            grantTo(configuration, database.appUsername());
            return;
        }
        Role owner = owner(config);
        Optional<String> runtime = config.getOptionalValue("quarkus.datasource.username", String.class);
        if (owner.user() != null && runtime.isPresent() && !owner.user().equals(runtime.get())) {
            configuration.dataSource(asOwner(url, owner));
            grantTo(configuration, runtime.get());
        }
    }

    /** A database role and its password. */
    public record Role(String user, String password) {
    }

    /**
     * The role that owns the schema of a server of one's own, which migrations, backups and restores
     * connect as: the migration role when one is configured, else the application's.
     */
    public static Role owner(Config config) {
        Optional<String> migrationUser = config.getOptionalValue(MIGRATION_USER, String.class);
        if (migrationUser.isPresent()) {
            return new Role(migrationUser.get(), config.getOptionalValue(MIGRATION_PASSWORD, String.class).orElse(null));
        }
        return new Role(config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
    }

    /**
     * Connections as the owner, with the same driver settings as the pool's
     * ({@code quarkus.datasource.jdbc.additional-jdbc-properties.*}: TLS, keepalive, timeouts).
     */
    private DataSource asOwner(String url, Role owner) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(owner.user());
        dataSource.setPassword(owner.password());
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(DRIVER_SETTINGS)) {
                try {
                    dataSource.setProperty(name.substring(DRIVER_SETTINGS.length()), config.getValue(name, String.class));
                } catch (SQLException e) {
                    throw new PreventFurtherStepsException("The database setting " + name + " is not one the PostgreSQL "
                            + "driver knows: " + e.getMessage(), 1);
                }
            }
        }
        return dataSource;
    }

    private static void grantTo(FluentConfiguration configuration, String role) {
        List<Callback> callbacks = new ArrayList<>(List.of(configuration.getCallbacks()));
        callbacks.add(new RuntimeGrants(role));
        configuration.callbacks(callbacks.toArray(Callback[]::new));
    }
}
