-- Sign-off by the owners of each area, and how many people a go needs.
--
-- Admins define sign-off groups (security, operations, data protection...) and their members; a
-- template item names the group whose sign-off it needs, and only its members (or an admin, acting
-- for it) sign it. An item naming a group the installation has not defined is signed by any
-- approver. The launch policy of a tier says how many distinct approvers must agree to a go, and
-- whether the person who marked an item done may also sign it off (four-eyes).

CREATE SEQUENCE signoff_group_seq INCREMENT BY 50;

CREATE TABLE signoff_group (
    id         bigint      NOT NULL,
    key        text        NOT NULL,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    bigint      NOT NULL DEFAULT 0,
    CONSTRAINT signoff_group_pk PRIMARY KEY (id),
    CONSTRAINT signoff_group_key_uq UNIQUE (key),
    CONSTRAINT signoff_group_key_ck CHECK (key ~ '^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$'),
    CONSTRAINT signoff_group_name_ck CHECK (length(btrim(name)) BETWEEN 1 AND 200)
);

CREATE TABLE signoff_group_member (
    group_id bigint NOT NULL,
    user_id  bigint NOT NULL,
    CONSTRAINT signoff_group_member_pk PRIMARY KEY (group_id, user_id),
    CONSTRAINT signoff_group_member_group_fk FOREIGN KEY (group_id) REFERENCES signoff_group (id) ON DELETE CASCADE,
    CONSTRAINT signoff_group_member_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);

CREATE INDEX signoff_group_member_user_idx ON signoff_group_member (user_id);

CREATE TABLE launch_policy (
    tier        integer     NOT NULL,
    -- How many distinct approvers must agree before a go is recorded.
    go_deciders integer     NOT NULL DEFAULT 1,
    -- Whether an item's sign-off must come from someone other than the person who marked it done.
    four_eyes   boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint      NOT NULL DEFAULT 0,
    CONSTRAINT launch_policy_pk PRIMARY KEY (tier),
    CONSTRAINT launch_policy_tier_ck CHECK (tier BETWEEN 1 AND 3),
    CONSTRAINT launch_policy_deciders_ck CHECK (go_deciders BETWEEN 1 AND 5)
);

INSERT INTO launch_policy (tier) VALUES (1), (2), (3);

ALTER TABLE launch_item ADD COLUMN sign_off_group text;
-- The approvers who have agreed to a go that needs more than one, until enough have.
ALTER TABLE launch ADD COLUMN go_agreed_by jsonb;
