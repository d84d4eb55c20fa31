package dev.preflight.template;

import io.quarkus.qute.TemplateEnum;

import dev.preflight.platform.text.Keyed;

/** Whose sign-off an item needs: an engineer of the owning team, or an approver. */
@TemplateEnum
public enum SignOff implements Keyed {
    ENGINEER,
    APPROVER;

    @Override
    public String toString() {
        return key();
    }
}
