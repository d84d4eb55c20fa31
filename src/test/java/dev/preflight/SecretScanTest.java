package dev.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No secret is committed: every text file of the repository (what git tracks, or the folder's files
 * outside build output where there is no git) is searched for private keys, cloud and chat
 * tokens, Preflight API tokens, JSON web tokens and passwords or tokens written into code or configuration. A value
 * made up for a test is marked on its line with {@value #MADE_UP} and a reason.
 */
class SecretScanTest {

    static final String MADE_UP = "secret-scan: made up";

    private static final Map<String, Pattern> KINDS = Map.of(
            "a private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
            "an AWS access key", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"),
            "a GitHub token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}\\b"),
            "a Slack token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"),
            "a Preflight API token", Pattern.compile("\\bpf_[A-Za-z0-9]{32,}\\b"),
            "a password or token written in", Pattern.compile("(?i)(password|passwd|secret|token|api[_-]?key)"
                    + "[\"']?\\s*[:=]\\s*[\"'][A-Za-z0-9+/_\\-]{16,}[\"']"),
            "a JSON web token", Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}"));

    @Test
    void no_tracked_file_holds_a_secret() throws Exception {
        List<String> found = new ArrayList<>();
        List<Path> files = files();
        for (Path file : files) {
            String text = text(file);
            if (text != null) {
                found.addAll(secretsIn(file.toString(), text));
            }
        }
        assertThat(files).hasSizeGreaterThan(100);
        assertThat(found).as("secrets in the repository (mark a value made up for a test with '" + MADE_UP
                + "' and why)").isEmpty();
    }

    @Test
    void the_scan_finds_each_kind_and_passes_a_marked_line() {
        String key = "-----BEGIN " + "PRIVATE KEY-----";
        String github = "ghp" + "_" + "a".repeat(36);
        String password = "password: \"" + "Kx7-pQ2-".repeat(3) + "\"";
        String jwt = "eyJ" + "hbGciOiJIUzI1NiJ9" + ".eyJ" + "zdWIiOiIxMjM0In0" + ".sig";
        assertThat(secretsIn("a", key + "\n" + github + "\n" + password + "\n" + jwt)).hasSize(4);
        assertThat(secretsIn("a", password + " // " + MADE_UP + " for a test")).isEmpty();
        assertThat(secretsIn("a", "password: \"${PASSWORD}\"\ntoken = read(\"pf_\")\nSECRET = \"some.property-name.secret\""))
                .isEmpty();
    }

    static List<String> secretsIn(String name, String text) {
        List<String> found = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(MADE_UP)) {
                continue;
            }
            for (Map.Entry<String, Pattern> kind : KINDS.entrySet()) {
                Matcher matcher = kind.getValue().matcher(lines[i]);
                if (matcher.find()) {
                    found.add(name + ":" + (i + 1) + " holds " + kind.getKey());
                }
            }
        }
        return found;
    }

    private static List<Path> files() throws IOException, InterruptedException {
        if (Files.isDirectory(Path.of(".git"))) {
            Process git = new ProcessBuilder("git", "ls-files", "-z").redirectErrorStream(true).start();
            String listed = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (git.waitFor() == 0) {
                return Stream.of(listed.split("\0")).filter(s -> !s.isEmpty()).map(Path::of)
                        .filter(Files::isRegularFile).toList();
            }
        }
        try (Stream<Path> walk = Files.walk(Path.of("."))) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.startsWith("./target") && !p.startsWith("./.git")
                    && !p.toString().contains("node_modules")).toList();
        }
    }

    /** The file as UTF-8 text, or null when it is not text. */
    private static String text(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
