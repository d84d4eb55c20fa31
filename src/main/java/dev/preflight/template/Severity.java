package dev.preflight.template;

import dev.preflight.platform.text.Keyed;


/** How much an item matters: blockers and majors are required for a go, minors are recommended. */
public enum Severity implements Keyed {
    BLOCKER,
    MAJOR,
    MINOR;

    @Override
    public String toString() {
        return key();
    }

    public boolean required() {
        return this != MINOR;
    }
}
