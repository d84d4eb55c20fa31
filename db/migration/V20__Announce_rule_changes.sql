-- Every item change reads the sign-off groups, their members and the tier's launch policy; each
-- Preflight instance keeps them in memory and forgets them when the database announces a change to
-- them, from whichever instance or session it comes (the announcement reaches every instance
-- listening, as launch changes do).

CREATE FUNCTION rules_announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('preflight_rules', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE TRIGGER signoff_group_announced
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON signoff_group
    FOR EACH STATEMENT EXECUTE FUNCTION rules_announce();

CREATE TRIGGER signoff_group_member_announced
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON signoff_group_member
    FOR EACH STATEMENT EXECUTE FUNCTION rules_announce();

CREATE TRIGGER launch_policy_announced
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON launch_policy
    FOR EACH STATEMENT EXECUTE FUNCTION rules_announce();
