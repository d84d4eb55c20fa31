package dev.preflight.identity;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.preflight.platform.security.Role;

/**
 * What an admin sends to create or change a user. The user name is fixed at creation. A password
 * left out at creation is generated and returned once. {@code teams} lists team slugs.
 */
@JsonIgnoreProperties({ "local", "lastLoginAt", "createdAt" })
public record UserInput(
        @Pattern(regexp = "^[a-z0-9][a-z0-9._@-]{0,99}$", message = "must be lower-case letters, digits, '.', '_', '@' or '-', at most 100 characters") String username,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String displayName,
        @Email(message = "must be an e-mail address") @Size(max = 320, message = "must be at most 320 characters") String email,
        @NotNull(message = "is required: viewer, engineer, approver or admin") Role role,
        Boolean enabled,
        List<String> teams,
        String password,
        Long version) {
}
