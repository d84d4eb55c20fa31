package dev.preflight.launch;

import java.time.Instant;
import java.util.Map;

import dev.preflight.identity.Caller;
import dev.preflight.platform.Actor;

/**
 * One entry to append to a launch's history: what happened to the launch or one of its items, and
 * (on {@link #append}) who did it, in which role, through which channel, and when.
 */
final class HistoryEntry {

    private final LaunchEvent event = new LaunchEvent();

    HistoryEntry(Launch launch, LaunchItem item, HistoryAction action) {
        event.launchId = launch.id;
        event.itemId = item == null ? null : item.id;
        event.action = action.key();
    }

    HistoryEntry status(Object from, Object to) {
        event.fromStatus = from == null ? null : from.toString();
        event.toStatus = to == null ? null : to.toString();
        return this;
    }

    HistoryEntry evidence(String link, String note) {
        event.evidenceLink = link;
        event.evidenceNote = note;
        return this;
    }

    HistoryEntry comment(String comment) {
        event.comment = comment;
        return this;
    }

    HistoryEntry details(Map<String, Object> details) {
        event.details = details == null || details.isEmpty() ? null : details;
        return this;
    }

    /** Appends the entry as Preflight's own doing: what time changed, noticed by a scheduled check. */
    void appendBySystem(Instant at) {
        appendAs(Actor.SYSTEM, at);
    }

    /** Appends the entry as done by an actor that is not a person, such as an item's automated check. */
    void appendAs(Actor actor, Instant at) {
        event.occurredAt = at;
        event.actor = actor.name();
        event.via = actor.channel();
        event.persist();
    }

    void append(Caller caller, Instant at) {
        event.occurredAt = at;
        event.actor = caller.username();
        event.actorId = caller.userId();
        event.actorRole = caller.role().key();
        event.via = caller.channel();
        event.persist();
    }
}
