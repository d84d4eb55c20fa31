package dev.preflight.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README, CONTRIBUTING.md and docs/ hold together: every link between them reaches a file and,
 * with a {@code #part}, a heading of it; the README stays short and opens with the two commands.
 */
class DocumentationLinksTest {

    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern FENCE = Pattern.compile("```.*?```", Pattern.DOTALL);

    @Test
    void every_link_between_the_documents_resolves() throws IOException {
        List<Path> documents = documents();
        assertThat(documents).as("documents").hasSizeGreaterThanOrEqualTo(7);
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path document : documents) {
            Matcher link = LINK.matcher(FENCE.matcher(Files.readString(document)).replaceAll(""));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue;
                }
                checked++;
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                Path resolved = file.isEmpty() ? document : document.toAbsolutePath().getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(document + ": " + target + " (no file " + resolved + ")");
                } else if (target.contains("#") && !anchors(resolved).contains(target.substring(target.indexOf('#') + 1))) {
                    broken.add(document + ": " + target + " (no such heading in " + resolved + ")");
                }
            }
        }
        assertThat(checked).as("links checked").isGreaterThan(10);
        assertThat(broken).isEmpty();
    }

    @Test
    void the_readme_is_short_and_opens_with_the_two_commands() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme.lines().count()).isLessThan(200);
        Matcher blocks = Pattern.compile("```\\n(.*?)\\n```", Pattern.DOTALL).matcher(readme);
        List<String> first = new ArrayList<>();
        while (first.size() < 2 && blocks.find()) {
            first.add(blocks.group(1).trim());
        }
        assertThat(first).containsExactly("./mvnw quarkus:dev", "./mvnw verify");
        assertThat(Files.readString(Path.of(".ci", "run"))).contains("./mvnw -B verify");
    }

    /** The heading anchors GitHub makes: lower case, punctuation dropped, spaces as hyphens. */
    static List<String> anchors(Path document) throws IOException {
        if (!document.toString().endsWith(".md")) {
            return List.of();
        }
        return FENCE.matcher(Files.readString(document)).replaceAll("").lines().filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
                .toList();
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md"), Path.of("CONTRIBUTING.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }
}
