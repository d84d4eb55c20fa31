package dev.preflight.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;

import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.text.Keyed;
import dev.preflight.service.RunsOn;

/**
 * Templates as YAML files: writes a {@link TemplateDocument} and reads one back, reporting every
 * problem of an uploaded file with the line it is on. Writing is deterministic, so that export,
 * import and export again give the same text.
 */
public final class TemplateYaml {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .stringQuotingChecker(new PlainWhenUnambiguous())
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final Set<String> TOP_LEVEL = Set.of("format", "slug", "name", "description", "source", "sections",
            "facts");
    private static final Set<String> SOURCE_FIELDS = Set.of("title", "publisher", "note");
    private static final Set<String> SECTION_FIELDS = Set.of("key", "title", "items", "signOffGroup");
    private static final Set<String> ITEM_FIELDS = Set.of("key", "title", "guidance", "phase", "window", "severity",
            "role", "signOffGroup", "evidence", "recurrenceDays", "tiers", "appliesWhen", "satisfiedBy", "check");
    private static final Set<String> CONDITION_FIELDS = Set.of("runsOn", "storesData", "publicFacing", "personalData");

    private TemplateYaml() {
    }

    /**
     * Leaves a text unquoted only when a YAML reader would read it back as that same text: "yes",
     * "1e3" or "~" get quotes, "Tier 1 services" does not.
     */
    private static final class PlainWhenUnambiguous extends StringQuotingChecker.Default {

        private static final Resolver RESOLVER = new Resolver();

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || !Tag.STR.equals(RESOLVER.resolve(NodeId.scalar, value, true));
        }
    }

    public static String write(TemplateDocument document) {
        try {
            return YAML.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A template could not be written as YAML", e);
        }
    }

    /** A mapping typed as YAML, or null when the text is not one. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mapping(String text) {
        try {
            Object value = YAML.readValue(text, Object.class);
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Any value (a version's facts) as YAML text, written the same way as template files. */
    public static String writeValue(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A value could not be written as YAML", e);
        }
    }

    /** Reads a template file; every problem found is reported at once, with its line. */
    public static TemplateDocument read(String text) {
        InputValidator.Errors errors = new InputValidator.Errors();
        JsonNode root;
        Map<String, Integer> lines;
        try {
            lines = lines(text);
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            errors.add("document", "is not valid YAML: " + e.getOriginalMessage(), line);
            errors.throwIfAny();
            throw new IllegalStateException("unreachable");
        }
        if (root == null || !root.isObject()) {
            errors.add("document", "must be a YAML mapping with format, slug, name and sections", 1);
            errors.throwIfAny();
        }
        Reader reader = new Reader(lines, errors);
        TemplateDocument document = reader.document(root);
        errors.throwIfAny();
        return document;
    }

    /** The line on which each value starts, by JSON pointer ("/sections/0/items/2/title"). */
    private static Map<String, Integer> lines(String text) throws JsonProcessingException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    continue;
                }
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    pointer = parser.getParsingContext().getParent() == null ? ""
                            : parser.getParsingContext().getParent().pathAsPointer().toString();
                }
                lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** Walks the parsed tree, building the document and noting each problem at its line. */
    private static final class Reader {

        private final Map<String, Integer> lines;
        private final InputValidator.Errors errors;

        Reader(Map<String, Integer> lines, InputValidator.Errors errors) {
            this.lines = lines;
            this.errors = errors;
        }

        TemplateDocument document(JsonNode root) {
            unknownFields(root, "", TOP_LEVEL);
            String format = text(root, "", "format", true);
            if (format != null && !TemplateDocument.FORMAT.equals(format)) {
                error("/format", "format", "must be " + TemplateDocument.FORMAT);
            }
            String slug = text(root, "", "slug", true);
            String name = text(root, "", "name", true);
            String description = text(root, "", "description", false);
            TemplateDocument.Source source = source(root.get("source"));
            List<TemplateContent.Section> sections = new ArrayList<>();
            JsonNode sectionNodes = root.get("sections");
            if (sectionNodes == null || !sectionNodes.isArray()) {
                error("", "sections", "is required: a list of sections, each with a key, a title and items");
            } else {
                for (int i = 0; i < sectionNodes.size(); i++) {
                    sections.add(section(sectionNodes.get(i), "/sections/" + i));
                }
            }
            Map<String, Object> facts = facts(root.get("facts"));
            TemplateDocument document = new TemplateDocument(format, slug, name, description, source, sections, facts);
            TemplateRules.check(document, (path, message) -> error(pointer(path), path, message));
            return document;
        }

        private TemplateDocument.Source source(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isObject()) {
                error("/source", "source", "must be a mapping with title, publisher and note");
                return null;
            }
            unknownFields(node, "/source", SOURCE_FIELDS);
            return new TemplateDocument.Source(text(node, "/source", "title", false),
                    text(node, "/source", "publisher", false), text(node, "/source", "note", false));
        }

        private TemplateContent.Section section(JsonNode node, String pointer) {
            if (!node.isObject()) {
                error(pointer, path(pointer), "must be a mapping with key, title and items");
                return new TemplateContent.Section(null, null, List.of());
            }
            unknownFields(node, pointer, SECTION_FIELDS);
            List<TemplateContent.Item> items = new ArrayList<>();
            JsonNode itemNodes = node.get("items");
            if (itemNodes != null && !itemNodes.isArray()) {
                error(pointer + "/items", path(pointer + "/items"), "must be a list of items");
            } else if (itemNodes != null) {
                for (int i = 0; i < itemNodes.size(); i++) {
                    items.add(item(itemNodes.get(i), pointer + "/items/" + i));
                }
            }
            return new TemplateContent.Section(text(node, pointer, "key", false), text(node, pointer, "title", false),
                    text(node, pointer, "signOffGroup", false), items);
        }

        private TemplateContent.Item item(JsonNode node, String pointer) {
            if (!node.isObject()) {
                error(pointer, path(pointer), "must be a mapping with key, title and the item's fields");
                return new TemplateContent.Item(null, null, null, Severity.MAJOR, SignOff.ENGINEER, Evidence.NONE, null,
                        null, null);
            }
            unknownFields(node, pointer, ITEM_FIELDS);
            return new TemplateContent.Item(text(node, pointer, "key", false), text(node, pointer, "title", false),
                    text(node, pointer, "guidance", false),
                    choice(node, pointer, "phase", Phase.class, Phase.BEFORE_GO_LIVE),
                    text(node, pointer, "window", false),
                    choice(node, pointer, "severity", Severity.class, Severity.MAJOR),
                    choice(node, pointer, "role", SignOff.class, SignOff.ENGINEER),
                    text(node, pointer, "signOffGroup", false),
                    choice(node, pointer, "evidence", Evidence.class, Evidence.NONE),
                    number(node, pointer, "recurrenceDays"), tiers(node, pointer), condition(node, pointer),
                    choice(node, pointer, "satisfiedBy", SatisfiedBy.class, null), check(node, pointer));
        }

        private CheckBinding check(JsonNode item, String pointer) {
            JsonNode node = item.get("check");
            String at = pointer + "/check";
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isObject() || !node.path("kind").isTextual()) {
                error(at, path(at), "must be a mapping with the check's kind and its settings, such as "
                        + "{kind: tls, url: \"${service.baseUrl}\"}");
                return null;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = YAML.convertValue(node, LinkedHashMap.class);
            return CheckBinding.of(fields);
        }

        private Applicability condition(JsonNode item, String pointer) {
            JsonNode node = item.get("appliesWhen");
            String at = pointer + "/appliesWhen";
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isObject()) {
                error(at, path(at), "must be a mapping of runsOn, storesData, publicFacing and personalData");
                return null;
            }
            unknownFields(node, at, CONDITION_FIELDS);
            List<RunsOn> runsOn = new ArrayList<>();
            JsonNode ways = node.get("runsOn");
            if (ways != null && !ways.isArray()) {
                error(at + "/runsOn", path(at + "/runsOn"), "must be a list such as [container, kubernetes]");
            } else if (ways != null) {
                for (JsonNode way : ways) {
                    RunsOn known = way.isTextual() ? Keyed.byKey(RunsOn.class, way.asText()).orElse(null) : null;
                    if (known == null) {
                        error(at + "/runsOn", path(at + "/runsOn"), "must list ways of running among "
                                + Arrays.stream(RunsOn.values()).map(RunsOn::key)
                                        .collect(Collectors.joining(", ")));
                    } else {
                        runsOn.add(known);
                    }
                }
            }
            return new Applicability(runsOn, flag(node, at, "storesData"), flag(node, at, "publicFacing"),
                    flag(node, at, "personalData"));
        }

        private Boolean flag(JsonNode node, String pointer, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isBoolean()) {
                error(pointer + "/" + field, path(pointer + "/" + field), "must be true or false");
                return null;
            }
            return value.booleanValue();
        }

        private Map<String, Object> facts(JsonNode node) {
            if (node == null || node.isNull()) {
                return Map.of();
            }
            if (!node.isObject()) {
                error("/facts", "facts", "must be a mapping");
                return Map.of();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> facts = YAML.convertValue(node, LinkedHashMap.class);
            return facts;
        }

        private String text(JsonNode node, String pointer, String field, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    error(pointer, path(pointer + "/" + field), "is required");
                }
                return null;
            }
            if (!value.isTextual()) {
                error(pointer + "/" + field, path(pointer + "/" + field),
                        "must be text (put it in quotes if it looks like a number or yes/no)");
                return null;
            }
            return value.asText();
        }

        private <E extends Enum<E>> E choice(JsonNode node, String pointer, String field, Class<E> type, E fallback) {
            String value = text(node, pointer, field, false);
            if (value == null) {
                return fallback;
            }
            for (E constant : type.getEnumConstants()) {
                if (constant.toString().equals(value)) {
                    return constant;
                }
            }
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.toString());
            }
            error(pointer + "/" + field, path(pointer + "/" + field), "must be one of: " + String.join(", ", allowed));
            return fallback;
        }

        private Integer number(JsonNode node, String pointer, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.canConvertToInt() || !value.isIntegralNumber()) {
                error(pointer + "/" + field, path(pointer + "/" + field), "must be a whole number of days");
                return null;
            }
            return value.intValue();
        }

        private List<Integer> tiers(JsonNode node, String pointer) {
            JsonNode value = node.get("tiers");
            if (value == null || value.isNull()) {
                return null;
            }
            List<Integer> tiers = new ArrayList<>();
            if (!value.isArray()) {
                error(pointer + "/tiers", path(pointer + "/tiers"), "must be a list such as [1, 2, 3]");
                return null;
            }
            for (JsonNode tier : value) {
                if (!tier.isIntegralNumber()) {
                    error(pointer + "/tiers", path(pointer + "/tiers"), "must list tiers as numbers 1, 2 or 3");
                    return null;
                }
                tiers.add(tier.intValue());
            }
            return tiers;
        }

        private void unknownFields(JsonNode node, String pointer, Set<String> known) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!known.contains(name)) {
                    error(pointer + "/" + name, path(pointer + "/" + name), "is not a known field");
                }
            }
        }

        private void error(String pointer, String field, String message) {
            errors.add(field, message, line(pointer));
        }

        private int line(String pointer) {
            for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
                Integer line = lines.get(p);
                if (line != null) {
                    return line;
                }
                if (p.isEmpty()) {
                    return 1;
                }
            }
        }

        /** "/sections/0/items/2/title" as the field name a person reads: "sections[0].items[2].title". */
        private static String path(String pointer) {
            return pointer.replaceFirst("^/", "").replaceAll("/(\\d+)", "[$1]").replace('/', '.');
        }

        /** The reverse of {@link #path}, for errors found by the shared rules. */
        private static String pointer(String path) {
            return "/" + path.replaceAll("\\[(\\d+)]", "/$1").replace('.', '/');
        }
    }
}
