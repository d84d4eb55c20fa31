package dev.preflight.platform.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateExtension;

import dev.preflight.platform.text.Keyed;

/**
 * An address within Preflight with its query parameters, for the links of filtered lists and their
 * pages: {@code PageLink.to("/launches").with("team", slug).with("state", state)}. Parameters without
 * a value are left out, vocabularies are written by their key, values are encoded.
 */
@TemplateData
public final class PageLink {

    private final String path;
    private final Map<String, String> parameters;

    private PageLink(String path, Map<String, String> parameters) {
        this.path = path;
        this.parameters = parameters;
    }

    /** The address without parameters; in templates {@code link:to('/teams')}. */
    @TemplateExtension(namespace = "link")
    public static PageLink to(String path) {
        return new PageLink(path, Map.of());
    }

    /** Another address with the same parameters, such as a list's export. */
    public PageLink at(String otherPath) {
        return new PageLink(otherPath, parameters);
    }

    /** The same address with the parameter added, unless the value is null or blank. */
    public PageLink with(String name, Object value) {
        String text = value instanceof Keyed keyed ? keyed.key() : value == null ? null : value.toString();
        if (text == null || text.isBlank()) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(parameters);
        more.put(name, text);
        return new PageLink(path, more);
    }

    /** The same address on another page of the list; the first page needs no parameter. */
    public String page(int number) {
        return (number > 1 ? with("page", number) : this).toString();
    }

    @Override
    public String toString() {
        return parameters.isEmpty() ? path : path + "?" + parameters.entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
