package dev.preflight.service;

import io.quarkus.qute.TemplateEnum;
import io.quarkus.qute.i18n.MessageBundles;

import dev.preflight.platform.text.Keyed;

/** How a service runs in production, as far as checklists care. */
@TemplateEnum
public enum RunsOn implements Keyed {
    CONTAINER,
    KUBERNETES,
    SERVERLESS,
    VM;

    @Override
    public String toString() {
        return key();
    }

    /** "serverless functions" */
    public String label() {
        return MessageBundles.get(ServiceMessages.class).runs_on_label(key());
    }

    /** "as serverless functions", as in "the service runs as serverless functions". */
    public String manner() {
        return MessageBundles.get(ServiceMessages.class).runs_on_manner(key());
    }
}
