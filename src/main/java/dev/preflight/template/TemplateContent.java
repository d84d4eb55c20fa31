package dev.preflight.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.preflight.check.CheckKinds;
import dev.preflight.platform.text.Text;

/**
 * The checklist of one template version: ordered sections of ordered items, and the structured
 * facts the source document states (recovery defaults, alert thresholds, runbook sections...).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "sections", "facts" })
public record TemplateContent(List<Section> sections, Map<String, Object> facts) {

    public TemplateContent {
        sections = sections == null ? List.of() : List.copyOf(sections);
        facts = facts == null ? Map.of() : facts;
    }

    /**
     * A section of the checklist. {@code signOffGroup}, when set, is the sign-off group of every item
     * of the section that names none of its own.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({ "key", "title", "signOffGroup", "items" })
    public record Section(String key, String title, String signOffGroup, List<Item> items) {

        public Section {
            signOffGroup = signOffGroup == null || signOffGroup.isBlank() ? null : signOffGroup.strip();
            items = items == null ? List.of() : List.copyOf(items);
        }

        /** A section whose items name their sign-off groups themselves. */
        public Section(String key, String title, List<Item> items) {
            this(key, title, null, items);
        }

        /** The sign-off group of one of its items: the item's own, else the section's. */
        public String signOffGroupOf(Item item) {
            return item.signOffGroup() != null ? item.signOffGroup() : signOffGroup;
        }
    }

    /**
     * One thing to have or do before going live. The key is stable across versions, so launches and
     * diffs can follow the item when its wording changes.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "key", "title", "guidance", "phase", "window", "severity", "role", "signOffGroup", "evidence",
        "recurrenceDays", "tiers", "appliesWhen", "satisfiedBy", "check" })
    public record Item(String key, String title, String guidance,
            @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Phase.Default.class) Phase phase,
            String window, Severity severity, SignOff role, String signOffGroup, Evidence evidence, Integer recurrenceDays,
            List<Integer> tiers, @JsonInclude(JsonInclude.Include.NON_EMPTY) Applicability appliesWhen,
            SatisfiedBy satisfiedBy, CheckBinding check) {

        /**
         * What an item leaves out takes the defaults: before go-live, major, engineer sign-off, no
         * evidence, all tiers, every service, any approver. Guidance is kept as a {@link Text#block}, however it
         * came in; a window is written the one way {@link Window} writes it.
         */
        public Item {
            guidance = Text.block(guidance);
            phase = phase == null ? Phase.BEFORE_GO_LIVE : phase;
            window = Window.normalized(window);
            severity = severity == null ? Severity.MAJOR : severity;
            role = role == null ? SignOff.ENGINEER : role;
            evidence = evidence == null ? Evidence.NONE : evidence;
            tiers = tiers == null ? List.of(1, 2, 3) : List.copyOf(tiers);
            appliesWhen = appliesWhen == null || appliesWhen.isEmpty() ? null : appliesWhen;
            signOffGroup = signOffGroup == null || signOffGroup.isBlank() ? null : signOffGroup.strip();
        }

        /** An item of the default phase that applies to every service and is signed by any approver. */
        public Item(String key, String title, String guidance, Severity severity, SignOff role, Evidence evidence,
                Integer recurrenceDays, List<Integer> tiers, SatisfiedBy satisfiedBy) {
            this(key, title, guidance, null, null, severity, role, null, evidence, recurrenceDays, tiers, null, satisfiedBy,
                    null);
        }

        /** What the item's check looks at, for pages ("TLS of ${service.baseUrl}"); null without a check. */
        public String checkText() {
            return check == null ? null : CheckKinds.described(check.kind(), check.config());
        }

        public boolean appliesTo(int tier) {
            return tiers.contains(tier);
        }
    }

    public Stream<Item> items() {
        return sections.stream().flatMap(s -> s.items().stream());
    }

    public int itemCount() {
        return (int) items().count();
    }

    public Optional<Item> item(String key) {
        return items().filter(i -> i.key().equals(key)).findFirst();
    }
}
