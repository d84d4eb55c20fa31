package dev.preflight.platform.security;

/**
 * The security role names for {@code @RolesAllowed}. Each role includes the ones before it, so a
 * method open to engineers is open to approvers and admins too.
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String ENGINEER = "engineer";
    public static final String APPROVER = "approver";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
