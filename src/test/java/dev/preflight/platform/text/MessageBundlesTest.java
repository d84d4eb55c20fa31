package dev.preflight.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word of the pages has one home: each message bundle's methods and its properties file
 * name the same keys, and every key is used by a template or by the code.
 */
class MessageBundlesTest {

    private static final Path MAIN = Path.of("src", "main");

    @Test
    void every_key_has_its_text_its_method_and_a_use() throws IOException {
        List<Class<?>> bundles = bundles();
        assertThat(bundles).as("the bundles found").hasSizeGreaterThanOrEqualTo(10);
        String templates = read(MAIN.resolve("resources/templates"), ".html");
        String code = read(MAIN.resolve("java"), ".java");
        List<String> problems = new ArrayList<>();
        for (Class<?> bundle : bundles) {
            String name = bundle.getAnnotation(MessageBundle.class).value();
            Set<String> methods = Stream.of(bundle.getDeclaredMethods()).map(Method::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            Properties texts = new Properties();
            try (InputStream in = Files.newInputStream(MAIN.resolve("resources/messages/" + name + ".properties"))) {
                texts.load(in);
            }
            for (String key : texts.stringPropertyNames()) {
                if (!methods.contains(key)) {
                    problems.add(name + ".properties has " + key + ", which " + bundle.getSimpleName() + " lacks");
                }
            }
            for (String method : methods) {
                if (!texts.containsKey(method)) {
                    problems.add(bundle.getSimpleName() + "." + method + " has no text in " + name + ".properties");
                }
                if (!used(name, method, templates, code)) {
                    problems.add(name + ":" + method + " is used by no template and no code");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void a_key_no_template_or_code_uses_is_found() throws IOException {
        String templates = read(MAIN.resolve("resources/templates"), ".html");
        String code = read(MAIN.resolve("java"), ".java");
        assertThat(used("msg", "field_label", templates, code)).isTrue();
        assertThat(used("msg", "no_such_key", templates, code)).isFalse();
    }

    private static boolean used(String bundle, String key, String templates, String code) {
        return Pattern.compile("(?<![a-z])" + bundle + ":" + key + "\\b").matcher(templates).find()
                || Pattern.compile("\\." + key + "\\(").matcher(code).find();
    }

    private static List<Class<?>> bundles() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN.resolve("java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(MessageBundlesTest::declaresBundle)
                    .map(MessageBundlesTest::load).toList();
        }
    }

    private static boolean declaresBundle(Path file) {
        try {
            return Files.readString(file).contains("@MessageBundle(");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(Path file) {
        String name = MAIN.resolve("java").relativize(file).toString().replace(".java", "").replace('/', '.');
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path root, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(suffix)).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
    }
}
