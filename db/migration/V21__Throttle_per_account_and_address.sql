-- Failed sign-ins are now held back per account and address together ('pair', the key joining
-- both), so that one address's failures on one account never refuse the account elsewhere nor
-- other accounts there; failures per account and per address are still counted, to report attacks.
ALTER TABLE auth_failure DROP CONSTRAINT auth_failure_scope_ck;
ALTER TABLE auth_failure ADD CONSTRAINT auth_failure_scope_ck
    CHECK (scope IN ('account', 'address', 'token', 'pair'));
