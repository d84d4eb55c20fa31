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
    /**
     * What admins read but may not change with a read-only token: the user list and the audit log.
     * Every admin holds it, whatever their credential may write.
     */
    public static final String ADMIN_READ = "admin-read";

    private Roles() {
    }
}
