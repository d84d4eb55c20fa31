package dev.preflight.identity;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The text of the account, user and token pages, used in templates as {@code {identitymsg:key}}. The English text lives in
 * {@code messages/identitymsg.properties}; a translation is a {@code identitymsg_<language>.properties} beside it.
 */
@MessageBundle("identitymsg")
public interface IdentityMessages {

    @Message
    String sign_in();

    @Message
    String sign_in_heading();

    @Message
    String sign_in_help();

    @Message
    String sign_in_provider();

    @Message
    String signed_out();

    @Message
    String role_help(String role);

    @Message
    String account_title();

    @Message
    String account_who();

    @Message
    String account_no_teams();

    @Message
    String account_tokens_link();

    @Message
    String password_change();

    @Message
    String password_changed();

    @Message
    String password_rules();

    @Message
    String tokens_title();

    @Message
    String tokens_intro();

    @Message
    String tokens_mine();

    @Message
    String tokens_none();

    @Message
    String token_new();

    @Message
    String token_name_hint();

    @Message
    String token_write();

    @Message
    String token_write_hint();

    @Message
    String token_expires_on();

    @Message
    String token_expires_hint();

    @Message
    String token_expires_max_hint(int days);

    @Message
    String token_created(String name);

    @Message
    String token_copy_now();

    @Message
    String token_usage();

    @Message
    String token_prefix();

    @Message
    String token_scopes();

    @Message
    String token_status();

    @Message
    String token_last_used();

    @Message
    String token_expires();

    @Message
    String token_never();

    @Message
    String token_revoke();

    @Message
    String token_revoke_named(String name);

    @Message
    String token_revoked();

    @Message
    String users_title();

    @Message
    String users_intro();

    @Message
    String user_new();

    @Message
    String user_new_help();

    @Message
    String username_hint();

    @Message
    String user_created(String username);

    @Message
    String user_password_once();

    @Message
    String user_status();

    @Message
    String user_enabled();

    @Message
    String user_disabled();

    @Message
    String user_last_sign_in();

    @Message
    String user_details();

    @Message
    String user_updated();

    @Message
    String user_enabled_label();

    @Message
    String user_enabled_hint();

    @Message
    String user_password_reset();

    @Message
    String user_password_reset_help();

    @Message
    String user_password_reset_done();

    @Message
    String members_link();

    @Message
    String members_title(String name);

    @Message
    String members_intro();

    @Message
    String members_none();

    @Message
    String members_add();

    @Message
    String members_remove();

    @Message
    String members_remove_named(String username);
}
