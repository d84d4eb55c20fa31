package dev.preflight.recovery;

import java.util.Arrays;

import org.jboss.resteasy.reactive.RestForm;

import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.text.Text;

/** The fields of the form that records a drill. */
public class DrillForm {

    @RestForm
    public String kind;

    @RestForm
    public String dataStore;

    @RestForm
    public String performedOn;

    @RestForm
    public String recoveryTime;

    @RestForm
    public String dataLoss;

    @RestForm
    public String outcome;

    @RestForm
    public String notes;

    @RestForm
    public String evidenceLink;

    DrillInput toInput() {
        InputValidator.Errors errors = new InputValidator.Errors();
        DrillInput input = new DrillInput(
                Arrays.stream(DrillKind.values()).filter(k -> k.key().equals(kind)).findFirst().orElse(null),
                dataStore, errors.date("performedOn", performedOn), recoveryTime, dataLoss,
                Arrays.stream(DrillOutcome.values()).filter(o -> o.key().equals(outcome)).findFirst().orElse(null),
                notes, Text.blankToNull(evidenceLink));
        errors.throwIfAny();
        return input;
    }
}
