-- Every change to a launch is announced to every Preflight instance when it commits, through
-- PostgreSQL's own LISTEN/NOTIFY: the instances push it to the browsers showing that launch or the
-- board. The payload names the launch, the item (when there is one), who and what; the pages fetch
-- the rest. A session that writes many events at once (the demo data) sets preflight.quiet.

CREATE FUNCTION launch_event_announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('preflight.quiet', true) = 'on' THEN
        RETURN NULL;
    END IF;
    PERFORM pg_notify('preflight_changes', json_build_object(
        'launch', NEW.launch_id,
        'item', (SELECT key FROM launch_item WHERE id = NEW.item_id),
        'actor', NEW.actor,
        'action', NEW.action,
        'at', NEW.occurred_at)::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER launch_event_announced
    AFTER INSERT ON launch_event
    FOR EACH ROW EXECUTE FUNCTION launch_event_announce();
