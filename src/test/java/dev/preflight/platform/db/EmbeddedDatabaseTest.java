package dev.preflight.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL as a person running Preflight meets it: data that outlives the process,
 * a server left behind by a killed process, a folder already in use, passwords required.
 * Each scenario runs the database in separate JVMs, as separate runs of Preflight would.
 */
class EmbeddedDatabaseTest {

    private static final long CHILD_TIMEOUT_SECONDS = 180;

    @TempDir
    Path temp;

    Path dataDir;

    @BeforeEach
    void newFolder() {
        dataDir = temp.resolve("data");
    }

    @Test
    void data_survives_a_stop_and_a_start() throws Exception {
        assertThat(child("write", "first").output()).contains("written");
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("the server stopped with its process")
                .doesNotExist();
        assertThat(child("write", "second").exitCode()).isZero();
        assertThat(child("read").output()).contains("notes=first,second");
        try (Stream<Path> logs = Files.list(dataDir.resolve("postgres/log"))) {
            assertThat(logs.map(p -> p.getFileName().toString())).as("the server's log, one file a weekday")
                    .isNotEmpty().allMatch(name -> name.matches("postgresql-(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\.log"));
        }
    }

    @Test
    void a_connection_asked_for_while_the_process_stops_does_not_start_a_server_that_outlives_it() throws Exception {
        Result stopped = child("ask-while-stopping");
        assertThat(stopped.output()).contains("stopping")
                .contains("refused: Preflight is stopping; the embedded PostgreSQL in");
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("no server left running after the process")
                .doesNotExist();
    }

    @Test
    void a_folder_made_before_the_application_had_its_own_role_gets_one_at_the_next_start() throws Exception {
        child("write", "x");
        Path credentials = dataDir.resolve("postgres.credentials");
        List<String> older = Files.readAllLines(credentials).stream().filter(line -> !line.startsWith("app.")).toList();
        Files.write(credentials, older);

        assertThat(child("serve").output()).contains("serving as preflight_app");
        assertThat(Files.readString(credentials)).contains("app.password=");
        assertThat(child("serve").output()).as("the same password on the start after").contains("serving as preflight_app");
    }

    @Test
    void the_cluster_is_private_and_password_protected() throws Exception {
        child("write", "x");
        assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf")))
                .contains("scram-sha-256").doesNotContain("trust");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("postgres.credentials"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        assertThat(Files.readString(dataDir.resolve("postgres.credentials"))).contains("user=preflight");
    }

    @Test
    void a_server_left_behind_by_a_killed_process_is_stopped_and_its_data_kept() throws Exception {
        child("write", "before");
        Result killed = child("write-and-die", "acknowledged");
        assertThat(killed.exitCode()).isEqualTo(9);
        assertThat(killed.output()).contains("written");
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("the orphaned server is still running").exists();

        assertThat(child("read").output()).contains("notes=acknowledged,before");
    }

    @Test
    void a_folder_in_use_by_another_process_is_refused_with_a_clear_message_and_can_be_attached_to() throws Exception {
        child("write", "x");
        Process holder = start("hold");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.contains("holding"));
            assertThat(line).as("the holder started").isNotNull();

            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir, false))
                    .hasMessageContaining("in use by another Preflight process");

            EmbeddedDatabase attached = EmbeddedDatabase.attach(EmbeddedDatabase.Options.of(dataDir, false));
            assertThat(attached.port()).as("a backup reaches the holder's server").isEqualTo(
                    Integer.parseInt(line.substring(line.indexOf(' ') + 1).trim()));
            try (Connection c = DriverManager.getConnection(attached.jdbcUrl(), attached.username(), attached.password());
                    ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM note")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void within_one_process_the_running_server_is_reused_and_asks_for_the_password() throws SQLException, IOException {
        Path dir = Files.createTempDirectory("preflight-embedded-test");
        EmbeddedDatabase first = EmbeddedDatabase.start(dir, true);
        EmbeddedDatabase again = EmbeddedDatabase.start(dir, true);
        assertThat(again.port()).isEqualTo(first.port());

        try (Connection c = DriverManager.getConnection(first.jdbcUrl(), first.username(), first.password());
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("preflight");
            assertThat(rs.getBoolean(2)).as("the application's role is not a superuser").isFalse();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(first.jdbcUrl(), "preflight", "wrong"))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + first.port() + "/postgres", "postgres", ""))
                .isInstanceOf(SQLException.class);
    }

    private record Result(int exitCode, String output) {
    }

    private Result child(String... args) throws IOException, InterruptedException {
        Process process = start(args);
        process.getOutputStream().close();
        String output;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output = out.lines().collect(Collectors.joining("\n"));
        }
        assertThat(process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("child finished").isTrue();
        return new Result(process.exitValue(), output);
    }

    private Process start(String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedDatabaseChild.class.getName(), dataDir.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
