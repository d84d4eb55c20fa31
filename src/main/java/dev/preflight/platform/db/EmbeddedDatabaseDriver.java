package dev.preflight.platform.db;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The JDBC driver behind Preflight's datasource. The URL {@value #URL} (the default) means
 * "the embedded PostgreSQL", which {@link Migrations} has started before the pool hands out its
 * first connection; each connection reaches it as the application's role, with its generated
 * credentials. Any
 * other URL, such as {@code jdbc:postgresql://db:5432/preflight} from
 * {@code QUARKUS_DATASOURCE_JDBC_URL}, goes to the PostgreSQL driver unchanged and nothing is started.
 */
public final class EmbeddedDatabaseDriver implements Driver {

    public static final String URL = "jdbc:preflight:embedded";

    private final Driver postgres = new org.postgresql.Driver();

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (url == null || !url.startsWith(URL)) {
            return postgres.connect(url, info);
        }
        EmbeddedDatabase database;
        try {
            database = EmbeddedDatabase.start(EmbeddedDatabase.Options.from(ConfigProvider.getConfig()));
        } catch (EmbeddedDatabaseException e) {
            throw new SQLException(e.getMessage(), "08001", e);
        }
        Properties credentials = new Properties();
        credentials.putAll(info);
        credentials.setProperty("user", database.appUsername());
        credentials.setProperty("password", database.appPassword());
        return postgres.connect(database.jdbcUrl(), credentials);
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return url != null && (url.startsWith(URL) || postgres.acceptsURL(url));
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return postgres.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return postgres.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return postgres.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return postgres.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return postgres.getParentLogger();
    }
}
