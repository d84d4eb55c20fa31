package dev.preflight.service;

import dev.preflight.platform.text.Keyed;


/** Where a service stands in its life; written in lower case in JSON and URLs. */
public enum Lifecycle implements Keyed {
    PLANNED,
    LAUNCHING,
    PRODUCTION,
    RETIRED;

    @Override
    public String toString() {
        return key();
    }

}
