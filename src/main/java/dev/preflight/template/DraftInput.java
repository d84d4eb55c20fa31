package dev.preflight.template;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.preflight.platform.problems.ProblemException;

/**
 * A draft's checklist as a client sends it: its sections (and facts) at the top, or the draft
 * exactly as {@code GET .../draft} gave it, the checklist under {@code content} and the fields that
 * describe the draft ignored, so that what was read can be sent back as it is.
 */
@JsonIgnoreProperties({ "template", "templateName", "number", "status", "publishedAt", "publishedBy", "version" })
public record DraftInput(List<TemplateContent.Section> sections, Map<String, Object> facts, TemplateContent content) {

    /** The checklist sent, in whichever of the two shapes. */
    TemplateContent checklist() {
        if (content != null && (sections != null || facts != null)) {
            throw ProblemException.invalid("content", "send the checklist either as sections (and facts) or "
                    + "under content, as the draft was read, not both");
        }
        return content != null ? content : new TemplateContent(sections, facts);
    }
}
