package dev.preflight.platform;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_SERVICE_UNAVAILABLE;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.preflight.Api;
import dev.preflight.ProblemAssertions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * While the database is down, readiness is DOWN and the API answers 503 with Retry-After;
 * once it is back, both recover without restarting Preflight.
 */
@QuarkusTest
@QuarkusTestResource(value = DatabaseOutageTest.Server.class, restrictToAnnotatedClass = true)
class DatabaseOutageTest {

    /** A PostgreSQL this test can stop and start again on the same port and data. */
    public static class Server implements QuarkusTestResourceLifecycleManager {

        static Path dataDir;
        static int port;
        static EmbeddedPostgres postgres;

        @Override
        public Map<String, String> start() {
            try {
                dataDir = Files.createTempDirectory("preflight-outage");
                postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start();
                port = postgres.getPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "");
        }

        @Override
        public void stop() {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static void down() throws IOException {
            postgres.close();
        }

        static void up() throws IOException {
            postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
                    .start();
        }
    }

    @Test
    void readiness_and_the_api_follow_the_database_down_and_up_again() throws IOException {
        given().when().get("/q/health/ready").then().statusCode(SC_OK);
        Api.admin().when().get("/api/v1/teams").then().statusCode(SC_OK);

        Server.down();
        try {
            given().when().get("/q/health/ready").then().statusCode(SC_SERVICE_UNAVAILABLE)
                    .body("status", equalTo("DOWN"));
            ProblemAssertions.problem(Api.admin().when().get("/api/v1/teams").then(), SC_SERVICE_UNAVAILABLE,
                    "service-unavailable")
                    .header("Retry-After", "5");
        } finally {
            Server.up();
        }

        given().when().get("/q/health/ready").then().statusCode(SC_OK).body("status", equalTo("UP"));
        Api.admin().when().get("/api/v1/teams").then().statusCode(SC_OK);
    }
}
