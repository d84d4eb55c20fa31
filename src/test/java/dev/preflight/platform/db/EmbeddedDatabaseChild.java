package dev.preflight.platform.db;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A separate Preflight-like process for {@link EmbeddedDatabaseTest}: starts the embedded database
 * on a folder, then writes, reads, holds it, dies without shutting down, connects as the role the
 * application serves as, or keeps asking for the server while it stops.
 */
public final class EmbeddedDatabaseChild {

    private EmbeddedDatabaseChild() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), false);
        if (args[1].equals("serve")) {
            try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.appUsername(),
                    database.appPassword()); ResultSet rs = c.createStatement().executeQuery("SELECT current_user")) {
                rs.next();
                System.out.println("serving as " + rs.getString(1));
            }
            return;
        }
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS note (text text NOT NULL)");
            switch (args[1]) {
                case "write" -> {
                    s.execute("INSERT INTO note VALUES ('" + args[2] + "')");
                    System.out.println("written");
                }
                case "read" -> {
                    List<String> notes = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery("SELECT text FROM note ORDER BY text")) {
                        while (rs.next()) {
                            notes.add(rs.getString(1));
                        }
                    }
                    System.out.println("notes=" + String.join(",", notes));
                }
                case "write-and-die" -> {
                    s.execute("INSERT INTO note VALUES ('" + args[2] + "')");
                    System.out.println("written");
                    System.out.flush();
                    Runtime.getRuntime().halt(9);
                }
                case "hold" -> {
                    EmbeddedDatabase again = EmbeddedDatabase.start(Path.of(args[0]), false);
                    System.out.println("holding " + again.port());
                    System.out.flush();
                    System.in.read();
                }
                case "ask-while-stopping" -> {
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> askAfterTheServerStopped(Path.of(args[0]))));
                    System.out.println("stopping");
                }
                default -> throw new IllegalArgumentException(args[1]);
            }
        }
    }

    /**
     * As a connection pool refilling while the process stops: once the embedded database's own
     * shutdown hook has stopped the server, asks for it again and says what it got.
     */
    private static void askAfterTheServerStopped(Path dataDir) {
        Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(EmbeddedDatabase.STOP_THREAD)).forEach(t -> {
                    try {
                        t.join(TimeUnit.MINUTES.toMillis(1));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        try {
            EmbeddedDatabase.start(dataDir, false);
            System.out.println("started again");
        } catch (RuntimeException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }
}
