package dev.preflight.platform.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An absolute http or https address with a host, at most 2,000 characters: safe to render as a
 * link (no {@code javascript:} or {@code data:} URLs). Null and empty pass; pair with
 * {@code @NotBlank} where a link is required.
 */
@Documented
@Constraint(validatedBy = WebLink.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface WebLink {

    String message() default "must be an http:// or https:// address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    int MAX_LENGTH = 2000;

    class Validator implements ConstraintValidator<WebLink, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isEmpty() || isWebLink(value);
        }

        static boolean isWebLink(String value) {
            if (value.length() > MAX_LENGTH || value.chars().anyMatch(c -> c <= ' ')) {
                return false;
            }
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }
}
