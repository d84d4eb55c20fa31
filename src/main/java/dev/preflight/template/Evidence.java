package dev.preflight.template;

import io.quarkus.qute.TemplateEnum;

import dev.preflight.platform.text.Keyed;

/** What proof an item needs when it is marked done. */
@TemplateEnum
public enum Evidence implements Keyed {
    NONE,
    LINK,
    NOTE;

    @Override
    public String toString() {
        return key();
    }
}
