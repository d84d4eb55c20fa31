package dev.preflight.check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** One run of a check: it reveals the secrets the check sends, and remembers them so that none is shown. */
final class Run {

    private final Function<String, Optional<String>> secrets;
    private final Map<String, String> revealed = new LinkedHashMap<>();

    Run(Function<String, Optional<String>> secrets) {
        this.secrets = secrets;
    }

    /** The text with its secrets' values, to be sent and never shown. */
    String reveal(SecretText text) {
        return text.reveal(name -> {
            String value = secrets.apply(name).orElseThrow(() -> new NotRun("secret", "the secret " + name,
                    "the secret " + name + " is not configured: set " + CheckSettings.secretVariable(name)));
            revealed.put(name, value);
            return value;
        });
    }

    /** The values revealed in this run, by the secrets' names. */
    Map<String, String> revealed() {
        return revealed;
    }
}
