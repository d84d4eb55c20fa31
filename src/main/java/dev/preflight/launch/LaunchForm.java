package dev.preflight.launch;

import java.time.LocalDate;

import org.jboss.resteasy.reactive.RestForm;

import dev.preflight.platform.api.InputValidator;

/** The fields of the form that opens a launch. */
public class LaunchForm {

    @RestForm
    public String service;

    @RestForm
    public String template;

    @RestForm
    public String name;

    @RestForm
    public String environment;

    @RestForm
    public String targetDate;

    static LaunchForm blank(String service) {
        LaunchForm form = new LaunchForm();
        form.service = service;
        form.environment = "production";
        return form;
    }

    LaunchInput toInput() {
        InputValidator.Errors errors = new InputValidator.Errors();
        LocalDate date = errors.date("targetDate", targetDate);
        errors.throwIfAny();
        return new LaunchInput(service, template, null, name, environment, date);
    }
}
