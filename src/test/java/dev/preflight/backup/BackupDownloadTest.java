package dev.preflight.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.preflight.Api;
import dev.preflight.Browser;
import dev.preflight.Fixtures;

/**
 * The backup a job downloads over the API: an archive the restore command accepts, holding every
 * table's rows as the database has them, and a download recorded in the audit log.
 */
@QuarkusTest
class BackupDownloadTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void an_admin_downloads_an_archive_that_the_restore_accepts_with_every_row_and_the_download_is_audited()
            throws Exception {
        long launch = Fixtures.launch(Fixtures.service(Fixtures.team(), 2), Fixtures.template(true));

        Response response = Api.admin().when().post("/api/v1/backup");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/zip");
        assertThat(response.header("Content-Disposition")).matches("attachment; filename=\"preflight-\\d{8}-\\d{6}\\.backup\"");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        Path file = Files.createTempFile("preflight", ".backup");
        try {
            Files.write(file, response.asByteArray());
            BackupManifest manifest = Restore.check(file);
            Map<String, BackupManifest.Table> tables = manifest.tables().stream()
                    .collect(Collectors.toMap(BackupManifest.Table::name, Function.identity()));
            assertThat(tables).containsKeys("launch", "launch_item", "launch_event", "audit_event", "app_user")
                    .doesNotContainKey("flyway_schema_history");
            assertThat(tables.get("launch").rows()).isGreaterThanOrEqualTo(1);
            assertThat(tables.get("launch_item").rows()).as("no row taken after the snapshot is counted")
                    .isLessThanOrEqualTo(count("launch_item", null)).isGreaterThanOrEqualTo(count("launch_item", launch));
            assertThat(manifest.schemaVersion()).matches("\\d+");
            assertThat(manifest.sequences()).extracting(BackupManifest.SequenceValue::name).contains("launch_seq");
        } finally {
            Files.delete(file);
        }
        assertThat(Api.admin().when().get("/api/v1/audit?action=backup.download").then().statusCode(200).extract()
                .jsonPath().getInt("total")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_backup_cut_short_is_refused_by_the_restore() throws Exception {
        byte[] whole = Api.admin().when().post("/api/v1/backup").then().statusCode(200).extract().asByteArray();
        Path file = Files.createTempFile("preflight", ".backup");
        try {
            Files.write(file, Arrays.copyOf(whole, whole.length / 2));
            assertThatThrownBy(() -> Restore.check(file))
                    .isInstanceOf(Restore.Refused.class).hasMessageContaining("not a Preflight backup");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void the_admin_page_explains_backups_and_hands_one_to_an_admin_only() throws Exception {
        Browser admin = Browser.admin();
        Document page = admin.get("/admin/backup", 200);
        assertThat(page.select("form[method=post][action=/admin/backup/download] button")).hasSize(1);
        assertThat(page.select("pre").text()).contains("/api/v1/backup").contains("restore");
        assertThat(page.select("nav a[aria-current=page]").text()).isEqualTo("Backup");

        assertThat(admin.request().when().post("/admin/backup/download").statusCode())
                .as("without the form's CSRF token").isEqualTo(403);
        Response download = download(admin);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/zip");
        Path file = Files.createTempFile("preflight", ".backup");
        try {
            Files.write(file, download.asByteArray());
            assertThat(Restore.check(file).tables()).isNotEmpty();
        } finally {
            Files.delete(file);
        }

        Browser viewer = Fixtures.user("viewer").browser();
        viewer.get("/admin/backup", 403);
        assertThat(download(viewer).statusCode()).isEqualTo(403);
        assertThat(Api.anonymous().redirects().follow(false).accept("text/html").when().get("/admin/backup")
                .statusCode()).isEqualTo(303);
    }

    /** The page's form as a browser sends it: with the CSRF token, accepting whatever comes back. */
    private static Response download(Browser browser) {
        return browser.request().accept("text/html,application/xhtml+xml,*/*;q=0.8").contentType(ContentType.URLENC)
                .formParam("_csrf", browser.csrf()).post("/admin/backup/download");
    }

    /** Rows of a table, or of a table's rows for one launch. */
    private long count(String table, Long launch) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM " + table + (launch == null ? "" : " WHERE launch_id = ?"))) {
            if (launch != null) {
                s.setLong(1, launch);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
