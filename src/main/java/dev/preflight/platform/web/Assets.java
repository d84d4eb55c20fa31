package dev.preflight.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import io.quarkus.qute.TemplateGlobal;

/** Where the pages find browser libraries that are served from their Maven Central webjars. */
@TemplateGlobal
public class Assets {

    static final String htmxScript = "/webjars/htmx.org/" + webjarVersion("htmx.org") + "/dist/htmx.min.js";

    private static String webjarVersion(String name) {
        String resource = "/META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The webjar " + name + " is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
