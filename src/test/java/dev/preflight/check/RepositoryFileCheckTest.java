package dev.preflight.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import dev.preflight.check.CheckOutcome.Verdict;

/**
 * The repository-file check against git repositories the test makes: read through file://, and
 * through https:// from a server of the test's own (git http-backend) that wants a token.
 */
class RepositoryFileCheckTest {

    private static final String TOKEN = "ghp-Q4v-95de1f0c-distinctive-token"; // secret-scan: made up, to find in answers

    @TempDir
    static Path dir;

    private static Path source;
    private static Path cache;
    private static TestCertificates certificates;
    private static TestSite gitServer;
    private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void makeRepositories() throws Exception {
        source = dir.resolve("shop");
        cache = dir.resolve("cache");
        git(dir, "init", "--quiet", "--initial-branch=main", source.toString());
        write("README.md", "# Shop\n");
        write("docs/runbook.md", "# Runbook\n\n## Rollback\n\nDeploy the previous release.\n");
        commit("Readme and runbook");
        git(source, "checkout", "--quiet", "-b", "release");
        write("docs/release-notes.md", "# Release notes\n");
        commit("Release notes");
        git(source, "checkout", "--quiet", "main");

        Path served = dir.resolve("served");
        git(dir, "clone", "--quiet", "--bare", source.toString(), served.resolve("shop.git").toString());
        git(served.resolve("shop.git"), "config", "uploadpack.allowFilter", "true");
        certificates = new TestCertificates(Files.createDirectory(dir.resolve("certificates")));
        Instant now = Instant.now();
        String expected = "Basic " + Base64.getEncoder().encodeToString(("x-access-token:" + TOKEN)
                .getBytes(StandardCharsets.UTF_8));
        gitServer = TestSite.secure(certificates.server("localhost", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30))));
        for (String path : List.of("/shop.git/info/refs", "/shop.git/git-upload-pack")) {
            gitServer.handle(path, exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                AUTHORIZATIONS.add(String.valueOf(authorization));
                if (!expected.equals(authorization)) {
                    exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"shop\"");
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                backend(exchange, served);
            });
        }
    }

    @AfterAll
    static void stop() {
        if (gitServer != null) {
            gitServer.close();
        }
    }

    @Test
    void a_file_that_exists_passes_and_one_that_is_missing_fails() {
        CheckOutcome present = checks(true).run("repository-file", Map.of("repository", "${service.repositoryUrl}",
                "path", "README.md"), Map.of("repositoryUrl", source.toUri().toString()));
        assertThat(present.verdict()).as(present.summary()).isEqualTo(Verdict.PASSED);
        assertThat(present.asked()).isEqualTo("git fetch " + source.toUri() + " (the default branch, depth 1), then read "
                + "README.md");
        assertThat(present.observations().get(0).seen()).matches("fetched [0-9a-f]{7,} of \\d{4}-\\d{2}-\\d{2}");
        assertThat(present.observations().get(1)).isEqualTo(new Observation("file README.md",
                "present on the default branch", "present", true));

        CheckOutcome missing = checks(true).run("repository-file", Map.of("repository", source.toUri().toString(),
                "path", "docs/postmortems.md"), Map.of());
        assertThat(missing.summary()).isEqualTo("failed: file docs/postmortems.md expected present on the default "
                + "branch, saw missing");

        CheckOutcome folder = checks(true).run("repository-file", Map.of("repository", source.toUri().toString(),
                "path", "docs"), Map.of());
        assertThat(folder.summary()).isEqualTo("failed: file docs expected present on the default branch, saw a tree, "
                + "not a file");
    }

    @Test
    void content_matching_the_pattern_passes_and_other_content_fails() {
        CheckOutcome matching = checks(true).run("repository-file", Map.of("repository", source.toUri().toString(),
                "path", "docs/runbook.md", "pattern", "(?m)^## Rollback$"), Map.of());
        assertThat(matching.summary()).isEqualTo("passed: 3 of 3 as expected");

        CheckOutcome other = checks(true).run("repository-file", Map.of("repository", source.toUri().toString(),
                "path", "docs/runbook.md", "pattern", "## Failover"), Map.of());
        assertThat(other.summary()).isEqualTo("failed: content of docs/runbook.md expected matching /## Failover/, saw "
                + "does not match (53 bytes)");
    }

    @Test
    void a_branch_is_read_when_named_and_a_missing_one_fails() {
        CheckOutcome release = checks(true).run("repository-file", Map.of("repository", source.toUri().toString(),
                "branch", "release", "path", "docs/release-notes.md"), Map.of());
        assertThat(release.verdict()).as(release.summary()).isEqualTo(Verdict.PASSED);
        CheckOutcome main = checks(true).run("repository-file", Map.of("repository", source.toUri().toString(),
                "path", "docs/release-notes.md"), Map.of());
        assertThat(main.verdict()).isEqualTo(Verdict.FAILED);

        CheckOutcome nothing = checks(true).run("repository-file", Map.of("repository", source.toUri().toString(),
                "branch", "no-such-branch", "path", "README.md"), Map.of());
        assertThat(nothing.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(nothing.observations()).hasSize(1);
        assertThat(nothing.observations().get(0).what()).isEqualTo("repository");
        assertThat(nothing.observations().get(0).expected()).isEqualTo("fetched within 10 s");
        assertThat(nothing.observations().get(0).seen()).contains("no-such-branch");
    }

    @Test
    void a_later_run_sees_a_new_commit() throws Exception {
        Path repository = dir.resolve("changing");
        git(dir, "init", "--quiet", "--initial-branch=main", repository.toString());
        Files.writeString(repository.resolve("RUNBOOK.md"), "# Runbook\n");
        git(repository, "add", "-A");
        git(repository, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", "Start");
        Map<String, Object> config = Map.of("repository", repository.toUri().toString(), "path", "RUNBOOK.md",
                "pattern", "## Failover");
        Path cacheDir = dir.resolve("changing-cache");
        CheckKinds checks = new CheckKinds(new CheckSettings(List.of(), true, Duration.ofSeconds(10), 1 << 20,
                Optional.empty(), cacheDir, name -> Optional.empty()));

        assertThat(checks.run("repository-file", config, Map.of()).verdict()).isEqualTo(Verdict.FAILED);
        Files.writeString(repository.resolve("RUNBOOK.md"), "# Runbook\n\n## Failover\n");
        git(repository, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "--quiet", "-am",
                "Failover");
        CheckOutcome after = checks.run("repository-file", config, Map.of());

        assertThat(after.verdict()).as(after.summary()).isEqualTo(Verdict.PASSED);
        try (Stream<Path> folders = Files.list(cacheDir.resolve("check-repositories"))) {
            assertThat(folders.filter(Files::isDirectory)).as("one folder for the repository").hasSize(1);
        }
    }

    @Test
    void local_repositories_are_refused_unless_allowed() {
        CheckOutcome outcome = checks(false).run("repository-file", Map.of("repository", "${service.repositoryUrl}",
                "path", "README.md"), Map.of("repositoryUrl", source.toUri().toString()));

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(outcome.summary()).isEqualTo("failed: repository expected a repository allowed for checks, saw "
                + "file:// repositories are not allowed (an administrator allows them with "
                + "PREFLIGHT_CHECKS_LOCAL_REPOSITORIES=true)");
        assertThat(checks(false).validate("repository-file", Map.of("repository", source.toUri().toString(),
                "path", "README.md"))).extracting(CheckProblem::field).containsExactly("repository");
    }

    @Test
    void a_credential_is_sent_to_an_https_repository_and_never_shown() throws Exception {
        CheckKinds checks = new CheckKinds(new CheckSettings(List.of("localhost"), false, Duration.ofSeconds(20),
                1 << 20, Optional.of(certificates.authority()), dir.resolve("https-cache"),
                name -> name.equals("REPOSITORY_TOKEN") ? Optional.of(TOKEN) : Optional.empty()));
        String repository = gitServer.urlByName("/shop.git");

        CheckOutcome outcome = checks.run("repository-file", Map.of("repository", repository, "path",
                "docs/runbook.md", "pattern", "Rollback", "credential", "${secret.REPOSITORY_TOKEN}"), Map.of());

        assertThat(outcome.verdict()).as(outcome.summary()).isEqualTo(Verdict.PASSED);
        assertThat(outcome.asked()).isEqualTo("git fetch " + repository + " (the default branch, depth 1), then read "
                + "docs/runbook.md, with the credential (secret REPOSITORY_TOKEN)");
        assertThat(AUTHORIZATIONS).as("the server received the token").contains("Basic " + Base64.getEncoder()
                .encodeToString(("x-access-token:" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        String json = new ObjectMapper().findAndRegisterModules().writeValueAsString(outcome);
        assertThat(json).doesNotContain(TOKEN).contains("(secret REPOSITORY_TOKEN)");

        CheckOutcome without = checks.run("repository-file", Map.of("repository", repository, "path", "README.md"),
                Map.of());
        assertThat(without.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(without.observations().get(0).seen()).as("git asks for no password").contains("terminal prompts "
                + "disabled");
    }

    /** Answers a request of the git client with {@code git http-backend}, as a CGI program. */
    private static void backend(HttpExchange exchange, Path root) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("git", "http-backend");
        Map<String, String> environment = builder.environment();
        environment.put("GIT_PROJECT_ROOT", root.toString());
        environment.put("GIT_HTTP_EXPORT_ALL", "1");
        environment.put("REQUEST_METHOD", exchange.getRequestMethod());
        environment.put("PATH_INFO", exchange.getRequestURI().getPath());
        environment.put("QUERY_STRING", String.valueOf(Optional.ofNullable(exchange.getRequestURI().getRawQuery())
                .orElse("")));
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type"))
                .ifPresent(type -> environment.put("CONTENT_TYPE", type));
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                .ifPresent(encoding -> environment.put("HTTP_CONTENT_ENCODING", encoding));
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("Git-Protocol"))
                .ifPresent(protocol -> environment.put("GIT_PROTOCOL", protocol));
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            exchange.getRequestBody().transferTo(in);
        }
        InputStream out = process.getInputStream();
        int status = 200;
        List<String[]> headers = new ArrayList<>();
        for (String line = line(out); !line.isEmpty(); line = line(out)) {
            String[] header = line.split(":\\s*", 2);
            if (header[0].equalsIgnoreCase("Status")) {
                status = Integer.parseInt(header[1].substring(0, 3));
            } else {
                headers.add(header);
            }
        }
        headers.forEach(h -> exchange.getResponseHeaders().add(h[0], h[1]));
        exchange.sendResponseHeaders(status, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            out.transferTo(body);
        }
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static void write(String path, String content) throws IOException {
        Path file = source.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static void commit(String message) throws Exception {
        git(source, "add", "-A");
        git(source, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", message);
    }

    private static void git(Path in, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static CheckKinds checks(boolean local) {
        return new CheckKinds(new CheckSettings(List.of(), local, Duration.ofSeconds(10), 1 << 20, Optional.empty(),
                cache, name -> Optional.empty()));
    }
}
