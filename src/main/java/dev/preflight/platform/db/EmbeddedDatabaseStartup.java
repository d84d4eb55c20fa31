package dev.preflight.platform.db;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.runtime.PreventFurtherStepsException;

/**
 * Starts the embedded PostgreSQL, when Preflight uses it, before anything asks the pool for a
 * connection: Flyway is the first to need one, and asks this customizer first. Unpacking the
 * programs and making the database on a first start may take minutes on a busy machine; they get
 * their own limit ({@code PREFLIGHT_DATABASE_START_TIMEOUT}) instead of the pool's acquisition
 * timeout, which stays short for ordinary work. When the database cannot start, Preflight stops
 * with one line saying why and what to do.
 * <p>
 * Flyway takes a session lock instead of its default transactional one, on every database: with the
 * transactional lock it records applied migrations on a second connection whose transaction commits
 * only after all of them, so a process killed between a committed migration and that commit left
 * tables that the history did not list, and every later start failed on them. With a session lock
 * each migration and its history row commit together.
 */
@Singleton
public class EmbeddedDatabaseStartup implements FlywayConfigurationCustomizer {

    private final Config config;

    EmbeddedDatabaseStartup(Config config) {
        this.config = config;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.getPluginRegister().getExact(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        if (!config.getValue("quarkus.datasource.jdbc.url", String.class).startsWith(EmbeddedDatabaseDriver.URL)) {
            return;
        }
        try {
            EmbeddedDatabase.start(EmbeddedDatabase.Options.from(config));
        } catch (EmbeddedDatabaseException e) {
            throw new PreventFurtherStepsException(e.getMessage(), 1);
        }
    }
}
