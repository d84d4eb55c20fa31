package dev.preflight.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.preflight.check.CheckKinds;
import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.service.RunsOn;

/**
 * The editor's operations on a draft checklist: each takes a checklist and returns the changed one.
 * New keys come from titles and are made unique; existing keys never change, so launches and diffs
 * keep following their items.
 */
final class DraftEditor {

    private DraftEditor() {
    }

    /** An item as typed in the editor's form. */
    record ItemForm(String section, String title, String guidance, String phase, String window, String severity,
            String role, String signOffGroup, String evidence, String recurrenceDays, List<String> tiers,
            List<String> runsOn, String storesData, String publicFacing, String personalData, String satisfiedBy,
            String check) {

        /** What the form holds for one yes/no trait ("", "yes" or "no"). */
        public String trait(String field) {
            String value = switch (field) {
                case "storesData" -> storesData;
                case "publicFacing" -> publicFacing;
                case "personalData" -> personalData;
                default -> throw new IllegalArgumentException(field);
            };
            return value == null ? "" : value;
        }

        /** The same form with another title (a new item starts from the blank form and its title). */
        ItemForm titled(String newTitle) {
            return new ItemForm(section, newTitle, guidance, phase, window, severity, role, signOffGroup, evidence,
                    recurrenceDays, tiers, runsOn, storesData, publicFacing, personalData, satisfiedBy, check);
        }

        TemplateContent.Item toItem(String key, InputValidator.Errors errors) {
            if (title == null || title.isBlank()) {
                errors.add("title", "is required");
            } else if (title.strip().length() > TemplateRules.MAX_TITLE) {
                errors.add("title", "must be at most " + TemplateRules.MAX_TITLE + " characters");
            }
            Integer recurrence = null;
            if (recurrenceDays != null && !recurrenceDays.isBlank()) {
                try {
                    recurrence = Integer.valueOf(recurrenceDays.strip());
                } catch (NumberFormatException e) {
                    recurrence = 0;
                }
                if (recurrence < 1 || recurrence > TemplateRules.MAX_RECURRENCE_DAYS) {
                    errors.add("recurrenceDays", "must be a number of days from 1 to " + TemplateRules.MAX_RECURRENCE_DAYS);
                }
            }
            List<Integer> tierList = new ArrayList<>();
            for (String tier : tiers == null ? List.<String> of() : tiers) {
                switch (tier) {
                    case "1", "2", "3" -> tierList.add(Integer.valueOf(tier));
                    default -> errors.add("tiers", "must be 1, 2 or 3");
                }
            }
            if (tierList.isEmpty()) {
                errors.add("tiers", "choose at least one tier");
            }
            List<RunsOn> ways = new ArrayList<>();
            for (String way : runsOn == null ? List.<String> of() : runsOn) {
                ways.add(choice(RunsOn.values(), way, "runsOn", errors));
            }
            Phase itemPhase = phase == null || phase.isBlank() ? Phase.BEFORE_GO_LIVE
                    : choice(Phase.values(), phase, "phase", errors);
            String itemWindow = itemPhase == Phase.AFTER_LAUNCH && window != null && !window.isBlank() ? window.strip() : null;
            if (itemPhase == Phase.AFTER_LAUNCH && (itemWindow == null || Window.parse(itemWindow) == null)) {
                errors.add("window", "an after-launch item needs a window of whole hours or days, like PT24H or P7D");
            }
            if (itemPhase == Phase.ONGOING && recurrence == null) {
                errors.add("recurrenceDays", "an ongoing duty needs a number of days until it is due again");
            }
            return new TemplateContent.Item(key, title == null ? null : title.strip(), guidance, itemPhase, itemWindow,
                    choice(Severity.values(), severity, "severity", errors), choice(SignOff.values(), role, "role", errors),
                    signOffGroup == null || signOffGroup.isBlank() ? null : signOffGroup.strip(),
                    choice(Evidence.values(), evidence, "evidence", errors), recurrence, tierList,
                    new Applicability(ways, flag(storesData, "storesData", errors),
                            flag(publicFacing, "publicFacing", errors), flag(personalData, "personalData", errors)),
                    satisfiedBy == null || satisfiedBy.isBlank() ? null
                            : choice(SatisfiedBy.values(), satisfiedBy, "satisfiedBy", errors),
                    check(errors));
        }

        /** The check typed as YAML ("kind: tls" and its settings, one per line); null when left empty. */
        private CheckBinding check(InputValidator.Errors errors) {
            if (check == null || check.isBlank()) {
                return null;
            }
            Map<String, Object> fields = TemplateYaml.mapping(check);
            if (fields == null || !(fields.get("kind") instanceof String)) {
                errors.add("check", "must be YAML starting with the check's kind, such as \"kind: tls\", then its "
                        + "settings, one per line");
                return null;
            }
            CheckBinding binding = CheckBinding.of(fields);
            CheckKinds.problemsOf(binding.kind(), binding.config()).forEach(p -> errors.add("check",
                    (p.field() == null || p.field().isEmpty() ? "" : p.field() + " ") + p.message()));
            return binding;
        }

        /** A condition on one yes/no trait: "" for any service, "yes" or "no". */
        private static Boolean flag(String value, String field, InputValidator.Errors errors) {
            return switch (value == null ? "" : value) {
                case "" -> null;
                case "yes" -> true;
                case "no" -> false;
                default -> {
                    errors.add(field, "choose any service, yes or no");
                    yield null;
                }
            };
        }

        private static String flag(Boolean value) {
            return value == null ? "" : value ? "yes" : "no";
        }

        static ItemForm of(String section, TemplateContent.Item item) {
            Applicability when = item.appliesWhen() == null ? new Applicability(null, null, null, null) : item.appliesWhen();
            return new ItemForm(section, item.title(), item.guidance(), item.phase().key(),
                    item.window() == null ? "" : item.window(), item.severity().key(), item.role().key(),
                    item.signOffGroup() == null ? "" : item.signOffGroup(), item.evidence().key(), item.recurrenceDays() == null ? "" : item.recurrenceDays().toString(),
                    item.tiers().stream().map(String::valueOf).toList(), when.runsOn().stream().map(RunsOn::key).toList(),
                    flag(when.storesData()), flag(when.publicFacing()), flag(when.personalData()),
                    item.satisfiedBy() == null ? "" : item.satisfiedBy().key(),
                    item.check() == null ? "" : TemplateYaml.writeValue(item.check().fields()));
        }

        static ItemForm blank(String section) {
            return new ItemForm(section, "", "", Phase.BEFORE_GO_LIVE.key(), "", Severity.MAJOR.key(),
                    SignOff.ENGINEER.key(), "", Evidence.NONE.key(), "", List.of("1", "2", "3"), List.of(), "", "", "", "", "");
        }

        private static <E extends Enum<E>> E choice(E[] values, String key, String field, InputValidator.Errors errors) {
            for (E value : values) {
                if (value.toString().equals(key)) {
                    return value;
                }
            }
            errors.add(field, "choose one of the offered values");
            return values[0];
        }
    }

    static TemplateContent addSection(TemplateContent content, String title) {
        InputValidator.Errors errors = new InputValidator.Errors();
        if (title == null || title.isBlank() || title.strip().length() > TemplateRules.MAX_NAME) {
            errors.add("sectionTitle", "must be 1 to " + TemplateRules.MAX_NAME + " characters");
        }
        errors.throwIfAny();
        Set<String> taken = new HashSet<>();
        content.sections().forEach(s -> taken.add(s.key()));
        String key = TemplateKeys.unique(taken, TemplateKeys.part(title, "section"));
        List<TemplateContent.Section> sections = new ArrayList<>(content.sections());
        sections.add(new TemplateContent.Section(key, title.strip(), List.of()));
        return new TemplateContent(sections, content.facts());
    }

    static TemplateContent renameSection(TemplateContent content, String key, String title) {
        InputValidator.Errors errors = new InputValidator.Errors();
        if (title == null || title.isBlank() || title.strip().length() > TemplateRules.MAX_NAME) {
            errors.add("sectionTitle", "must be 1 to " + TemplateRules.MAX_NAME + " characters");
        }
        errors.throwIfAny();
        return mapSection(content, key,
                s -> new TemplateContent.Section(s.key(), title.strip(), s.signOffGroup(), s.items()));
    }

    static TemplateContent removeSection(TemplateContent content, String key) {
        section(content, key);
        return new TemplateContent(content.sections().stream().filter(s -> !s.key().equals(key)).toList(),
                content.facts());
    }

    static TemplateContent moveSection(TemplateContent content, String key, int delta) {
        List<TemplateContent.Section> sections = new ArrayList<>(content.sections());
        int from = sections.indexOf(section(content, key));
        int to = Math.max(0, Math.min(sections.size() - 1, from + delta));
        sections.add(to, sections.remove(from));
        return new TemplateContent(sections, content.facts());
    }

    static TemplateContent addItem(TemplateContent content, ItemForm form) {
        TemplateContent.Section section = section(content, form.section());
        InputValidator.Errors errors = new InputValidator.Errors();
        Set<String> taken = new HashSet<>();
        content.items().forEach(i -> taken.add(i.key()));
        String key = TemplateKeys.unique(taken, section.key() + "." + TemplateKeys.part(form.title(), "item"));
        TemplateContent.Item item = form.toItem(key, errors);
        errors.throwIfAny();
        return mapSection(content, section.key(), s -> {
            List<TemplateContent.Item> items = new ArrayList<>(s.items());
            items.add(item);
            return new TemplateContent.Section(s.key(), s.title(), s.signOffGroup(), items);
        });
    }

    /** Changes an item in place, or moves it to the end of another section when the form names one. */
    static TemplateContent updateItem(TemplateContent content, String key, ItemForm form) {
        String current = sectionOf(content, key).key();
        InputValidator.Errors errors = new InputValidator.Errors();
        TemplateContent.Item changed = form.toItem(key, errors);
        String target = form.section() == null || form.section().isBlank() ? current : form.section();
        if (content.sections().stream().noneMatch(s -> s.key().equals(target))) {
            errors.add("section", "there is no such section");
        }
        errors.throwIfAny();
        if (target.equals(current)) {
            return mapSection(content, current, s -> new TemplateContent.Section(s.key(), s.title(), s.signOffGroup(),
                    s.items().stream().map(i -> i.key().equals(key) ? changed : i).toList()));
        }
        TemplateContent without = removeItem(content, key);
        return mapSection(without, target, s -> {
            List<TemplateContent.Item> items = new ArrayList<>(s.items());
            items.add(changed);
            return new TemplateContent.Section(s.key(), s.title(), s.signOffGroup(), items);
        });
    }

    static TemplateContent removeItem(TemplateContent content, String key) {
        return mapSection(content, sectionOf(content, key).key(),
                s -> new TemplateContent.Section(s.key(), s.title(), s.signOffGroup(),
                        s.items().stream().filter(i -> !i.key().equals(key)).toList()));
    }

    static TemplateContent moveItem(TemplateContent content, String key, int delta) {
        return mapSection(content, sectionOf(content, key).key(), s -> {
            List<TemplateContent.Item> items = new ArrayList<>(s.items());
            int from = indexOf(items, key);
            int to = Math.max(0, Math.min(items.size() - 1, from + delta));
            items.add(to, items.remove(from));
            return new TemplateContent.Section(s.key(), s.title(), s.signOffGroup(), items);
        });
    }

    static TemplateContent.Section sectionOf(TemplateContent content, String itemKey) {
        return content.sections().stream().filter(s -> s.items().stream().anyMatch(i -> i.key().equals(itemKey)))
                .findFirst().orElseThrow(() -> ProblemException.notFound("The draft has no item '" + itemKey + "'."));
    }

    private static TemplateContent.Section section(TemplateContent content, String key) {
        return content.sections().stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("The draft has no section '" + key + "'."));
    }

    private static TemplateContent mapSection(TemplateContent content, String key,
            UnaryOperator<TemplateContent.Section> change) {
        section(content, key);
        return new TemplateContent(content.sections().stream().map(s -> s.key().equals(key) ? change.apply(s) : s)
                .toList(), content.facts());
    }

    private static int indexOf(List<TemplateContent.Item> items, String key) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
