package dev.preflight.identity;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_SEE_OTHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.preflight.TestApplication;

/**
 * A first start on an empty database with no PREFLIGHT_ADMIN_PASSWORD: a password is generated into
 * an owner-only file in the data folder, and the log says where but never what.
 */
@QuarkusTest
@TestProfile(FirstStartTest.EmptyInstallation.class)
class FirstStartTest {

    /** One folder per JVM: the profile and the test are loaded by different class loaders. */
    static final Path DATA_DIR = Path.of((String) System.getProperties().computeIfAbsent("dev.preflight.test.first-start",
            k -> Path.of("target", "first-start-" + UUID.randomUUID()).toAbsolutePath().toString()));
    static final Path LOG = DATA_DIR.resolveSibling(DATA_DIR.getFileName() + ".log");

    public static class EmptyInstallation implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("preflight.database.ephemeral", "false",
                    "preflight.data-dir", DATA_DIR.toString(),
                    "preflight.admin.username", "root-admin",
                    "preflight.admin.password", "",
                    "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG.toString());
        }
    }

    @Test
    void the_generated_password_is_in_an_owner_only_file_and_not_in_the_log() throws IOException {
        Path file = DATA_DIR.resolve("initial-admin-password");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String password = Files.readString(file).trim();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);

        String log = Files.readString(LOG);
        assertThat(log).contains(file.toString()).doesNotContain(password);

        Response form = given().when().get("/login");
        String token = Jsoup.parse(form.asString()).select("input[name=_csrf]").attr("value");
        given().redirects().follow(false).cookies(form.getCookies()).contentType(ContentType.URLENC)
                .formParams(Map.of("username", "root-admin", "password", password, "_csrf", token))
                .when().post("/login").then().statusCode(SC_SEE_OTHER);
    }

    @Test
    void the_configured_admin_token_works_and_its_owner_is_the_first_admin() {
        given().auth().oauth2(TestApplication.ADMIN_TOKEN).when().get("/api/v1/me").then().statusCode(SC_OK)
                .body("username", equalTo("root-admin")).body("role", equalTo("admin"))
                .body("via", equalTo("token:bootstrap"));
    }
}
